#include "comparedialog.h"

#include "library/recipediff.h"
#include "preview/imagepreview.h"

#include <QHeaderView>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Atelier {

CompareDialog::CompareDialog(const LibraryImage &left, const LibraryImage &right, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Compare"));
    resize(1200, 800);
    auto *layout = new QVBoxLayout(this);
    auto *split = new QSplitter(Qt::Vertical, this);
    auto *images = new QSplitter(Qt::Horizontal, split);
    for (const LibraryImage *image : {&left, &right}) {
        auto *preview = new ImagePreview(images);
        preview->setImage(QImage(image->path), image->request.model);
    }
    const QList<RecipeDifference> rows = RecipeDiff::compare(left, right);
    m_table = new QTableWidget(int(rows.size()), 3, split);
    m_table->setHorizontalHeaderLabels({tr("Parameter"), tr("Left"), tr("Right")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    for (int row = 0; row < rows.size(); ++row) {
        const RecipeDifference &difference = rows.at(row);
        const QStringList texts = {difference.label, difference.left, difference.right};
        for (int column = 0; column < 3; ++column) {
            auto *item = new QTableWidgetItem(texts.at(column));
            item->setToolTip(texts.at(column));
            QFont font = item->font();
            font.setBold(difference.differs);
            item->setFont(font);
            m_table->setItem(row, column, item);
        }
    }
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    layout->addWidget(split);
}

} // namespace Atelier
