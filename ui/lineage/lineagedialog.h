#pragma once

#include <QDialog>

namespace Atelier {

class LibraryModel;
class LibraryStore;

// Where a library image came from (its parents, top) and what was made from it (bottom), with
// the gallery's thumbnails. Double-clicking one asks to show it.
class LineageDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LineageDialog)

public:
    LineageDialog(LibraryStore &library, LibraryModel *thumbnails, qint64 id,
                  QWidget *parent = nullptr);

Q_SIGNALS:
    void imageChosen(const QString &path, const QString &caption);
};

} // namespace Atelier
