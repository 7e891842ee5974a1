#pragma once

#include "library/libraryimage.h"

#include <QDialog>

class QTableWidget;

namespace Atelier {

class ImagePreview;

// Two images side by side, with what they were made with, differences in bold.
class CompareDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CompareDialog)

public:
    CompareDialog(const LibraryImage &left, const LibraryImage &right, QWidget *parent = nullptr);
    QTableWidget *table() const { return m_table; }

private:
    QTableWidget *m_table = nullptr;
};

} // namespace Atelier
