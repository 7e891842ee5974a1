#pragma once

// Header-only test helper for widget tests: answers a modal QMessageBox (found by its
// objectName) as soon as it is shown, from the event loop the box runs.

#include <QAbstractButton>
#include <QApplication>
#include <QMessageBox>
#include <QTimer>

#include <functional>

namespace AtelierTest {

// Clicks `button` on the modal box named `name` once it is shown, then calls `answered` with it
// (read its text there). The watch ends with the first answer or with `context`.
inline void answerMessageBox(QObject *context, const QString &name,
                             QMessageBox::StandardButton button,
                             const std::function<void(QMessageBox *)> &answered = {})
{
    auto *timer = new QTimer(context);
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, context, [timer, name, button, answered] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box || box->objectName() != name)
            return;
        timer->deleteLater();
        if (answered)
            answered(box);
        box->button(button)->click();
    });
    timer->start();
}

} // namespace AtelierTest
