#pragma once

#include "library/exporter.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace Atelier {

// Where and how to export: folder, format, quality and a file name template with a live example.
class ExportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportDialog)

public:
    ExportDialog(const LibraryImage &example, int count, QWidget *parent = nullptr);
    ExportOptions options() const;
    void setOptions(const ExportOptions &options);

private:
    void updateExample();

    LibraryImage m_example;
    QLineEdit *m_folder = nullptr;
    QComboBox *m_format = nullptr;
    QSpinBox *m_quality = nullptr;
    QLineEdit *m_template = nullptr;
    QLabel *m_preview = nullptr;
};

} // namespace Atelier
