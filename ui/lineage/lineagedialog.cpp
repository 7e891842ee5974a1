#include "lineagedialog.h"

#include "imaging/imagefile.h"
#include "library/librarymodel.h"
#include "library/librarystore.h"
#include "model/endpoint.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPointer>
#include <QThreadPool>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Atelier {

LineageDialog::LineageDialog(LibraryStore &library, LibraryModel *thumbnails, qint64 id,
                             QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"lineage"_s);
    const QList<LibraryImage> chain = library.lineage(id);
    const QList<LibraryImage> children = library.children(id);
    setWindowTitle(tr("Lineage"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(
        new QLabel(tr("Where the image came from (top) and what was made from it (bottom). "
                      "Double-click one to look at it."),
                   this));
    auto *list = new QListWidget(this);
    list->setIconSize(QSize(64, 64));
    const auto add = [list, id, thumbnails](const LibraryImage &image, const QString &role) {
        const QString text = u"%1  #%2 · %3 · %4\n%5"_s.arg(role).arg(image.id).arg(
            endpointName(image.request.endpoint), image.request.model,
            image.request.prompt.left(80));
        auto *item = new QListWidgetItem(text, list);
        item->setData(Qt::UserRole, image.path);
        // The icons are the gallery's thumbnails (cached, or made), read off the GUI thread.
        QThreadPool::globalInstance()->start([list = QPointer<QListWidget>(list),
                                              row = list->count() - 1, path = image.path,
                                              cached = thumbnails->thumbnailPath(image.id)] {
            const QImage source = LibraryModel::loadThumbnail(path, cached);
            const QImage icon
                = source.isNull() ? QImage() : ImageFile::fitted(source, QSize(64, 64));
            QMetaObject::invokeMethod(
                qApp,
                [list, row, icon] {
                    if (list && !icon.isNull() && list->item(row))
                        list->item(row)->setIcon(QIcon(QPixmap::fromImage(icon)));
                },
                Qt::QueuedConnection);
        });
        if (image.id == id) {
            QFont bold = item->font();
            bold.setBold(true);
            item->setFont(bold);
        }
    };
    for (const LibraryImage &image : chain)
        add(image, image.id == id ? tr("This") : tr("From"));
    for (const LibraryImage &image : children)
        add(image,
            image.edit.contains(u"composite_of"_s) ? tr("Edit (kept outside)")
                                                   : tr("Made from it"));
    layout->addWidget(list);
    connect(list, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem *item) {
        Q_EMIT imageChosen(item->data(Qt::UserRole).toString(), item->text().section(u'\n', 0, 0));
    });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(560, 420);
}

} // namespace Atelier
