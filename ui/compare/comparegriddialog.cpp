#include "comparegriddialog.h"

#include "batch/batchmonitor.h"
#include "batches/batchoffer.h"

#include "catalog/modelswitch.h"

#include "catalog/catalog.h"
#include "platform/plaintext.h"
#include "studio/studiosession.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Atelier {

namespace {

QListWidget *checklist(const QStringList &items, QWidget *parent)
{
    auto *list = new QListWidget(parent);
    for (const QString &text : items) {
        auto *item = new QListWidgetItem(text, list);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    list->setMaximumHeight(140);
    return list;
}

QStringList checked(const QListWidget *list)
{
    QStringList texts;
    for (int row = 0; row < list->count(); ++row) {
        if (list->item(row)->checkState() == Qt::Checked)
            texts.append(list->item(row)->text());
    }
    return texts;
}

} // namespace

CompareGridDialog::CompareGridDialog(StudioSession *session, const ImageRequest &base,
                                     const EditContext &context, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_base(base)
    , m_context(context)
{
    setWindowTitle(tr("Compare grid"));
    resize(1100, 760);
    auto *layout = new QVBoxLayout(this);
    auto *prompt = new QLabel(tr("Prompt: %1").arg(base.prompt.toHtmlEscaped()), this);
    prompt->setWordWrap(true);
    layout->addWidget(prompt);
    // What the grid compares: the edit with its references, or generations only, said plainly.
    auto *mode = new QLabel(this);
    mode->setObjectName(u"compareMode"_s);
    mode->setTextFormat(Qt::PlainText);
    mode->setWordWrap(true);
    if (CompareGridPlan::editsFrom(base)) {
        QStringList names;
        for (const QString &image : base.images)
            names.append(base.inputName(image));
        const QString marks = !base.mask.isEmpty() ? tr(", with the mask on the first")
            : !base.markup.isEmpty()               ? tr(", with the marks on the first")
                                                   : QString();
        mode->setText(tr("Compares the edit: each model gets the same %n reference image(s) "
                         "(%1)%2.",
                         nullptr, int(base.images.size()))
                          .arg(names.join(u", "_s), marks));
    } else if (base.endpoint != Endpoint::Generations) {
        mode->setText(tr("Compares generations only: without reference images there is nothing "
                         "to edit, so each model makes an image from the prompt alone."));
    } else {
        mode->setText(tr("Compares generations: each model makes an image from the prompt."));
    }
    layout->addWidget(mode);
    mode->setAccessibleName(mode->text());
    auto *choices = new QHBoxLayout;
    const Catalog &catalog = session->catalog();
    m_models = checklist(CompareGridPlan::modelsFor(catalog, base), this);
    m_models->setObjectName(u"compareModels"_s);
    m_models->setAccessibleName(tr("Models"));
    m_qualities = checklist(CompareGridPlan::qualitiesFor(catalog, base), this);
    m_qualities->setObjectName(u"compareQualities"_s);
    m_qualities->setAccessibleName(tr("Qualities"));
    choices->addWidget(m_models);
    choices->addWidget(m_qualities);
    layout->addLayout(choices);
    m_summary = new QLabel(this);
    m_summary->setObjectName(u"compareSummary"_s);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    // Models OpenAI shut down: one click puts their replacements in the grid instead.
    m_useReplacements = new QPushButton(this);
    m_useReplacements->setObjectName(u"useReplacements"_s);
    m_useReplacements->setVisible(false);
    layout->addWidget(m_useReplacements);
    connect(m_useReplacements, &QPushButton::clicked, this, &CompareGridDialog::useReplacements);
    m_run = new QPushButton(tr("Run the grid"), this);
    layout->addWidget(m_run);
    m_grid = new QTableWidget(this);
    m_grid->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_grid->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_grid->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_grid->setIconSize(QSize(160, 160));
    layout->addWidget(m_grid, 1);

    connect(m_models, &QListWidget::itemChanged, this, &CompareGridDialog::updatePlan);
    connect(m_qualities, &QListWidget::itemChanged, this, &CompareGridDialog::updatePlan);
    connect(m_run, &QPushButton::clicked, this, &CompareGridDialog::run);
    connect(session, &StudioSession::imageReady, this, &CompareGridDialog::showImage);
    connect(session, &StudioSession::jobFailed, this, &CompareGridDialog::showFailure);
    updatePlan();
}

void CompareGridDialog::setChecked(const QStringList &models, const QStringList &qualities)
{
    for (auto [list, wanted] : {std::pair {m_models, models}, std::pair {m_qualities, qualities}}) {
        for (int row = 0; row < list->count(); ++row)
            list->item(row)->setCheckState(
                wanted.contains(list->item(row)->text()) ? Qt::Checked : Qt::Unchecked);
    }
    updatePlan();
}

CompareGridPlan CompareGridDialog::plan() const
{
    return CompareGridPlan::make(m_session->catalog(), m_base, checked(m_models),
                                 checked(m_qualities), m_session->validationContext(),
                                 m_context.keepOutsideMask);
}

void CompareGridDialog::updatePlan()
{
    const CompareGridPlan grid = plan();
    double cost = 0;
    bool priced = true;
    for (const CompareGridPlan::Cell &cell : grid.cells) {
        // An edit's estimate counts its input images' tokens too.
        const CostEstimate estimate = m_session->catalog().estimate(cell.request);
        priced = priced && estimate.available;
        cost += estimate.available ? estimate.cost : 0.0;
    }
    const int count = int(grid.cells.size());
    QString text = grid.edits
        ? tr("%n edit request(s), about $%1 in all (the reference images' input included).",
             nullptr, count)
              .arg(cost, 0, 'f', 3)
        : tr("%n request(s), about $%1 in all.", nullptr, count).arg(cost, 0, 'f', 3);
    if (!priced)
        text += u' ' + tr("Some models have no known price: they are not in the sum.");
    if (!grid.skipped.isEmpty())
        text += u'\n' + grid.skipped.join(u'\n');
    m_summary->setText(text);
    m_run->setEnabled(!grid.cells.isEmpty() && !m_base.prompt.trimmed().isEmpty());
    const QMap<QString, QString> replaced = replacements();
    QStringList pairs;
    for (auto it = replaced.cbegin(); it != replaced.cend(); ++it)
        pairs.append(tr("%1 → %2").arg(it.key(), it.value()));
    m_useReplacements->setText(
        tr("Use the replacements of shut-down models: %1").arg(pairs.join(u", "_s)));
    m_useReplacements->setVisible(!replaced.isEmpty());
}

QMap<QString, QString> CompareGridDialog::replacements() const
{
    QMap<QString, QString> replaced;
    if (!m_session->validationContext().servedByOpenAI)
        return replaced; // a gateway may still serve them
    for (const QString &model : checked(m_models)) {
        ImageRequest request = m_base;
        request.model = model;
        const QString replacement
            = ModelSwitch::replacementFor(m_session->catalog(), request, QDate::currentDate());
        if (!replacement.isEmpty())
            replaced.insert(model, replacement);
    }
    return replaced;
}

void CompareGridDialog::useReplacements()
{
    const QMap<QString, QString> replaced = replacements();
    QStringList models = checked(m_models);
    for (auto it = replaced.cbegin(); it != replaced.cend(); ++it) {
        models.removeAll(it.key());
        if (!models.contains(it.value()))
            models.append(it.value());
    }
    setChecked(models, checked(m_qualities));
}

void CompareGridDialog::run()
{
    const CompareGridPlan grid = plan();
    if (grid.cells.size() > 1 && BatchMonitor::of(m_session)) { // a batch is on offer: asked
        QList<ImageRequest> cells;
        for (const CompareGridPlan::Cell &cell : grid.cells)
            cells.append(cell.request);
        const BatchOffer::Choice choice
            = BatchOffer::ask(this, m_session, cells, tr("Send %1 requests?").arg(cells.size()),
                              tr("The grid sends %1 requests. Send them now?").arg(cells.size()));
        if (choice == BatchOffer::Choice::Batch)
            accept();
        if (choice != BatchOffer::Choice::Now)
            return;
    }
    m_grid->clear();
    m_grid->setRowCount(int(grid.models.size()));
    m_grid->setColumnCount(int(grid.qualities.size()));
    m_grid->setVerticalHeaderLabels(grid.models);
    m_grid->setHorizontalHeaderLabels(grid.qualities);
    for (int row = 0; row < grid.models.size(); ++row) {
        for (int column = 0; column < grid.qualities.size(); ++column)
            m_grid->setItem(row, column, new QTableWidgetItem(tr("—")));
    }
    QList<ImageRequest> requests;
    for (const CompareGridPlan::Cell &cell : grid.cells) {
        requests.append(cell.request);
        m_grid->item(cell.row, cell.column)->setText(tr("Waiting…"));
    }
    QList<JobId> ids;
    const QList<Violation> errors = m_session->submitAll(requests, &ids, m_context);
    if (!errors.isEmpty()) {
        m_summary->setText(errors.first().message);
        return;
    }
    m_cells.clear();
    for (int i = 0; i < ids.size() && i < grid.cells.size(); ++i)
        m_cells.insert(ids.at(i), grid.cells.at(i));
}

void CompareGridDialog::showImage(JobId id, const ImageResult &image)
{
    const auto it = m_cells.constFind(id);
    const Job *job = m_session->queue()->job(id);
    if (it == m_cells.cend() || image.partial || !job)
        return;
    const Job &entry = *job;
    QTableWidgetItem *item = m_grid->item(it->row, it->column);
    const QImage thumbnail = image.thumbnail.isNull()
        ? image.image.scaled(160, 160, Qt::KeepAspectRatio)
        : image.thumbnail;
    item->setIcon(QIcon(QPixmap::fromImage(thumbnail)));
    const qint64 elapsed = entry.exchange ? entry.exchange->elapsedMs() : entry.elapsedMs;
    item->setText(
        tr("$%1 · %2 s").arg(entry.estimate.cost, 0, 'f', 3).arg(elapsed / 1000.0, 0, 'f', 1));
    item->setToolTip(entry.request.model + u" · "_s
                     + entry.request.option(u"quality"_s).toString());
}

void CompareGridDialog::showFailure(JobId id, const ApiError &error)
{
    const auto it = m_cells.constFind(id);
    if (it == m_cells.cend())
        return;
    QTableWidgetItem *item = m_grid->item(it->row, it->column);
    item->setText(tr("Failed"));
    item->setToolTip(PlainText::toolTip(error.toString())); // the server's words, never markup
}

} // namespace Atelier
