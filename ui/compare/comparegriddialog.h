#pragma once

#include "model/apierror.h"
#include "model/imageresult.h"
#include "studio/comparegrid.h"
#include "studio/jobqueue.h"

#include <QDialog>
#include <QHash>
#include <QMap>

class QLabel;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace Atelier {

class StudioSession;

// One prompt across several models × qualities; each cell shows its image, its estimated cost
// and how long it took. A base that is an edit with references makes every cell that edit (its
// images, mask and markup); models that cannot take it are named with the rule that says no.
class CompareGridDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CompareGridDialog)

public:
    // `context`: what an edit's results are kept with (the image edited, the outside put back).
    CompareGridDialog(StudioSession *session, const ImageRequest &base,
                      const EditContext &context = EditContext(), QWidget *parent = nullptr);

    QTableWidget *grid() const { return m_grid; }
    QPushButton *runButton() const { return m_run; }
    QLabel *summary() const { return m_summary; }
    void setChecked(const QStringList &models, const QStringList &qualities);
    CompareGridPlan plan() const;

private:
    void updatePlan();
    // The checked models OpenAI shut down, and the model that replaces each (at OpenAI only).
    QMap<QString, QString> replacements() const;
    void useReplacements();
    void run();
    void showImage(JobId id, const ImageResult &image);
    void showFailure(JobId id, const ApiError &error);

    StudioSession *m_session;
    ImageRequest m_base;
    EditContext m_context;
    QListWidget *m_models = nullptr;
    QListWidget *m_qualities = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_useReplacements = nullptr;
    QPushButton *m_run = nullptr;
    QTableWidget *m_grid = nullptr;
    QHash<JobId, CompareGridPlan::Cell> m_cells; // by job
};

} // namespace Atelier
