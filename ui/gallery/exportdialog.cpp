#include "exportdialog.h"

#include "library/fileslug.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace Atelier {

ExportDialog::ExportDialog(const LibraryImage &example, int count, QWidget *parent)
    : QDialog(parent)
    , m_example(example)
{
    setWindowTitle(tr("Export %n image(s)", nullptr, count));
    auto *form = new QFormLayout(this);
    auto *folderRow = new QHBoxLayout;
    m_folder
        = new QLineEdit(QStandardPaths::writableLocation(QStandardPaths::PicturesLocation), this);
    auto *browse = new QPushButton(tr("Choose…"), this);
    folderRow->addWidget(m_folder);
    folderRow->addWidget(browse);
    form->addRow(tr("Folder"), folderRow);
    m_format = new QComboBox(this);
    m_format->addItem(tr("As made (GIF stays animated, SVG stays vector)"), u"original"_s);
    m_format->addItem(u"PNG"_s, u"png"_s);
    m_format->addItem(u"JPEG"_s, u"jpeg"_s);
    m_format->addItem(u"WebP"_s, u"webp"_s);
    m_format->setToolTip(tr(
        "Every format carries the recipe, so Atelier can restore it later; JPEG and WebP also show "
        "the prompt in photo tools (XMP)."));
    form->addRow(tr("Format"), m_format);
    m_quality = new QSpinBox(this);
    m_quality->setRange(0, 100);
    m_quality->setValue(90);
    m_quality->setSuffix(u" %"_s);
    form->addRow(tr("Quality"), m_quality);
    m_template = new QLineEdit(ExportOptions().nameTemplate, this);
    m_template->setToolTip(tr("{date} {time} {model} {prompt} {prompt:N} {size} {id}"));
    form->addRow(tr("File names"), m_template);
    m_preview = new QLabel(this);
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Example"), m_preview);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    form->addRow(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString folder
            = QFileDialog::getExistingDirectory(this, tr("Export to"), m_folder->text());
        if (!folder.isEmpty())
            m_folder->setText(folder);
    });
    connect(m_template, &QLineEdit::textChanged, this, &ExportDialog::updateExample);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::updateExample);
    updateExample();
}

void ExportDialog::updateExample()
{
    const QString format = m_format->currentData().toString();
    m_quality->setEnabled(format != u"png");
    m_preview->setText(Exporter::fileName(m_example, m_template->text()) + u'.'
                       + imageFileSuffix(format));
}

ExportOptions ExportDialog::options() const
{
    ExportOptions options;
    options.folder = m_folder->text();
    options.format = m_format->currentData().toString();
    options.quality = m_quality->value();
    options.nameTemplate = m_template->text();
    return options;
}

void ExportDialog::setOptions(const ExportOptions &options)
{
    if (!options.folder.isEmpty())
        m_folder->setText(options.folder);
    m_format->setCurrentIndex(std::max(0, m_format->findData(options.format)));
    m_quality->setValue(options.quality);
    m_template->setText(options.nameTemplate);
}

} // namespace Atelier
