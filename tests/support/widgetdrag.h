#pragma once

#include <QApplication>
#include <QMouseEvent>
#include <QTest>
#include <QWidget>

namespace AtelierTest {

// A left-button drag as a user makes it: press at `from`, `steps` moves with the button held
// (QTest::mouseMove cannot hold a button), release at `to`.
inline void dragWithLeftButton(QWidget *widget, const QPoint &from, const QPoint &to,
                               int steps = 10)
{
    QTest::mousePress(widget, Qt::LeftButton, {}, from);
    for (int i = 1; i <= steps; ++i) {
        const QPoint at = from + (to - from) * i / steps;
        QMouseEvent move(QEvent::MouseMove, at, widget->mapToGlobal(at), Qt::NoButton,
                         Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(widget, &move);
    }
    QTest::mouseRelease(widget, Qt::LeftButton, {}, to);
}

} // namespace AtelierTest
