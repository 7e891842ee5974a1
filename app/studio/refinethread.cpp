#include "refinethread.h"

#include "api/refinejob.h"
#include "api/responsesrequestbuilder.h"
#include "catalog/catalog.h"
#include "catalog/costestimator.h"
#include "generationplan.h"
#include "library/contentfiles.h"
#include "library/librarystore.h"
#include "model/parameters.h"
#include "model/refinerequest.h"
#include "platform/safefiles.h"
#include "studiosession.h"
#include "studiosettings.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

namespace Atelier {

namespace {

// Where a turn's refine facts are kept in its library image (LibraryImage::edit).
const QString RefineKey = u"refine"_s;

// Where the turns that made no image are kept, a file per thread named by its start image, in
// the library folder (so they move with it, as the images and the index do).
const QString TurnsFolder = u".refine"_s;

QString turnsFile(const QString &folder, qint64 startId)
{
    return QDir(QDir(folder).filePath(TurnsFolder)).filePath(u"thread-%1.json"_s.arg(startId));
}

// The turns kept for the thread, oldest first; none when there is no such file (or it is a link,
// another user's, or not the JSON written here).
QJsonArray keptTurns(const QString &folder, qint64 startId)
{
    const QString path = turnsFile(folder, startId);
    if (!SafeFiles::isOwnFile(path))
        return {};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object().value(u"turns"_s).toArray();
}

QImage pixelsOf(const ImageResult &image)
{
    return image.image.isNull() ? QImage::fromData(image.encoded) : image.image;
}

} // namespace

RefineThread::RefineThread(StudioSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    connect(session, &StudioSession::partialImage, this,
            [this](JobId id, const ImageResult &image) {
                if (id == m_editJob && m_running >= 0)
                    Q_EMIT partialImage(m_running, pixelsOf(image));
            });
    connect(session, &StudioSession::imageReady, this, [this](JobId id, const ImageResult &image) {
        if (id != m_editJob || m_running < 0)
            return;
        m_editPath = image.savedPath;
        RefineTurn &turn = m_turns[m_running];
        if (const ModelSpec spec = m_session->catalog().spec(m_session->recipeOf(id).model);
            image.usage.isValid())
            turn.cost = CostEstimator::costOfUsage(spec.cost, image.usage);
        Q_EMIT partialImage(m_running, pixelsOf(image));
    });
    connect(session, &StudioSession::imageSaved, this, [this](qint64 id) {
        if (m_running < 0) {
            adopt(id);
            return;
        }
        if (!m_editJob.isValid() || m_editPath.isEmpty())
            return;
        const std::optional<LibraryImage> saved = m_session->library().image(id);
        if (!saved || saved->path != m_editPath)
            return;
        const int index = m_running;
        m_turns[index].imageId = id;
        m_turns[index].imagePath = saved->path;
        m_turns[index].state = RefineTurn::State::Done;
        Q_EMIT imageSaved(index, id, saved->path);
        finishTurn(index);
    });
    // Another library folder: the thread's images are not in it.
    connect(session, &StudioSession::libraryChanged, this, [this] {
        if (m_job) { // what it still reports belongs to no turn now
            m_job->disconnect(this);
            m_job->cancel();
            m_job->deleteLater();
        }
        const JobId edit = m_editJob;
        m_editJob = JobId();
        m_running = -1;
        m_turns.clear();
        StudioSettings::refineThreadStart.clear();
        if (edit.isValid())
            m_session->cancel(edit);
        Q_EMIT reset();
        Q_EMIT busyChanged(false);
    });
    connect(session, &StudioSession::jobFailed, this, [this](JobId id, const ApiError &error) {
        if (id != m_editJob || m_running < 0)
            return;
        const int index = m_running;
        RefineTurn &turn = m_turns[index];
        turn.state = RefineJob::classify(error, false) == RefineJob::Failure::Refused
            ? RefineTurn::State::Refused
            : RefineTurn::State::Failed;
        turn.notes.append(turn.state == RefineTurn::State::Refused
                              ? tr("Refused: %1").arg(error.message)
                              : tr("Failed: %1").arg(error.toString()));
        finishTurn(index);
    });
}

RefineThread::~RefineThread()
{
    if (m_job)
        m_job->cancel();
}

Status RefineThread::open(qint64 id)
{
    if (isBusy())
        return failure(tr("A turn is still running; wait for it or cancel it first."));
    std::optional<LibraryImage> image = m_session->library().image(id);
    if (!image)
        return failure(tr("That image is no longer in the library."));
    // An image a turn made belongs to the thread of the first image before it that no turn
    // made.
    const QList<LibraryImage> lineage = m_session->library().lineage(id);
    for (qsizetype i = lineage.size() - 1; i >= 0; --i) {
        if (!lineage.at(i).edit.contains(RefineKey)) {
            image = lineage.at(i);
            break;
        }
    }
    rebuild(*image);
    StudioSettings::refineThreadStart.setValue(startId());
    return success();
}

void RefineThread::rebuild(const LibraryImage &start)
{
    m_turns.clear();
    RefineTurn first;
    first.state = RefineTurn::State::Start;
    first.prompt = start.request.prompt;
    first.imageId = start.id;
    first.imagePath = start.path;
    m_turns.append(first);
    QList<qint64> fromImages {0}; // the image of the turn each continued
    // The turns made from it, each after the turn it continued, in the order they were saved.
    for (int parent = 0; parent < m_turns.size(); ++parent) {
        QList<LibraryImage> children = m_session->library().children(m_turns.at(parent).imageId);
        std::sort(children.begin(), children.end(),
                  [](const LibraryImage &a, const LibraryImage &b) { return a.id < b.id; });
        for (const LibraryImage &child : std::as_const(children)) {
            const QJsonObject refine = child.edit.value(RefineKey).toObject();
            if (refine.isEmpty())
                continue;
            RefineTurn turn;
            turn.state = RefineTurn::State::Done;
            turn.prompt = child.request.prompt;
            turn.from = parent;
            turn.imageId = child.id;
            turn.imagePath = child.path;
            turn.responseId = refine.value(u"response_id"_s).toString();
            turn.previousResponseId = refine.value(u"previous_response_id"_s).toString();
            turn.asEdit = refine.value(u"api"_s).toString() == u"edits";
            if (child.usage.isValid())
                turn.cost = CostEstimator::costOfUsage(
                    m_session->catalog().spec(child.request.model).cost, child.usage);
            m_turns.append(turn);
            fromImages.append(m_turns.at(parent).imageId);
        }
    }
    // The turns that made no image (refused, failed), each after the turns with an image that
    // were there when it ended, and after the ones kept before it.
    QHash<qint64, int> turnOf; // image id -> turn
    for (int i = 0; i < m_turns.size(); ++i)
        turnOf.insert(m_turns.at(i).imageId, i);
    int lastKept = 0;
    const QJsonArray kept = keptTurns(m_session->library().folder(), start.id);
    for (const QJsonValue &value : kept) {
        const QJsonObject stored = value.toObject();
        const qint64 fromImage = stored.value(u"from_image"_s).toInteger();
        if (!turnOf.contains(fromImage))
            continue; // the image it continued is no longer in the library
        const qint64 after = stored.value(u"after_image"_s).toInteger();
        int at = lastKept + 1;
        for (int i = 0; i < m_turns.size(); ++i) {
            const qint64 image = m_turns.at(i).imageId;
            if (image > 0 && image <= after)
                at = std::max(at, i + 1);
        }
        RefineTurn turn;
        turn.state = stored.value(u"state"_s).toString() == u"refused" ? RefineTurn::State::Refused
                                                                       : RefineTurn::State::Failed;
        turn.prompt = stored.value(u"prompt"_s).toString();
        turn.asEdit = stored.value(u"as_edit"_s).toBool();
        turn.cost = stored.value(u"cost"_s).toDouble(-1);
        for (const QJsonValue &note : stored.value(u"notes"_s).toArray())
            turn.notes.append(note.toString());
        m_turns.insert(at, turn);
        fromImages.insert(at, fromImage);
        lastKept = at;
    }
    turnOf.clear();
    for (int i = 0; i < m_turns.size(); ++i) {
        if (m_turns.at(i).imageId > 0)
            turnOf.insert(m_turns.at(i).imageId, i);
    }
    for (int i = 1; i < m_turns.size(); ++i)
        m_turns[i].from = turnOf.value(fromImages.at(i), 0);
    Q_EMIT reset();
}

void RefineThread::adopt(qint64 id)
{
    if (m_turns.isEmpty())
        return;
    const std::optional<LibraryImage> saved = m_session->library().image(id);
    if (!saved || !saved->edit.contains(RefineKey))
        return;
    for (const RefineTurn &turn : std::as_const(m_turns)) {
        if (turn.imageId == saved->id)
            return; // already a turn
    }
    for (const RefineTurn &turn : std::as_const(m_turns)) {
        if (turn.imageId > 0 && turn.imageId == saved->parentId) {
            if (const std::optional<LibraryImage> start = m_session->library().image(startId()))
                rebuild(*start);
            return;
        }
    }
}

int RefineThread::lastImageTurn() const
{
    for (qsizetype i = m_turns.size() - 1; i >= 0; --i) {
        if (m_turns.at(i).imageId > 0)
            return int(i);
    }
    return -1;
}

double RefineThread::totalCost() const
{
    double total = 0;
    for (const RefineTurn &turn : m_turns)
        total += std::max(0.0, turn.cost);
    return total;
}

Status RefineThread::send(const QString &prompt, int from)
{
    if (m_turns.isEmpty())
        return failure(tr("Open an image to refine first (Refine… on the image or in the "
                          "gallery)."));
    if (isBusy())
        return failure(tr("A turn is still running; wait for it or cancel it first."));
    if (prompt.trimmed().isEmpty())
        return failure(tr("Say what to change in the image first."));
    if (from < 0)
        from = lastImageTurn();
    if (from < 0 || from >= m_turns.size() || m_turns.at(from).imageId <= 0)
        return failure(tr("That turn made no image to continue from; choose one that did."));
    if (!m_session->hasApiKey())
        return failure(tr("No API key is set: add one in Settings first."));
    // What the image model is paid for (the mainline model's words are a small part), against
    // the session's budget before anything is sent.
    const ImageRequest estimated = m_noResponsesApi ? editFor(prompt.trimmed(), from)
                                                    : asImageRequest(requestFor(prompt, from));
    if (const CostEstimate estimate = m_session->catalog().estimate(estimated);
        estimate.available) {
        if (const std::optional<Violation> over
            = GenerationPlan::overBudget(estimate.cost, m_session->planOptions()))
            return failure(over->message);
    }
    RefineTurn turn;
    turn.prompt = prompt.trimmed();
    turn.from = from;
    m_turns.append(turn);
    m_running = int(m_turns.size() - 1);
    Q_EMIT turnAdded(m_running);
    Q_EMIT busyChanged(true);
    if (m_noResponsesApi)
        sendEdit(m_running);
    else
        sendResponses(m_running);
    return success();
}

RefineRequest RefineThread::requestFor(int index) const
{
    return requestFor(m_turns.at(index).prompt, m_turns.at(index).from);
}

RefineRequest RefineThread::requestFor(const QString &prompt, int fromTurn) const
{
    const RefineTurn &from = m_turns.at(fromTurn);
    RefineRequest request;
    const QString chosen = StudioSettings::refineResponsesModel.value();
    request.responsesModel
        = chosen.isEmpty() ? m_session->catalog().responsesMainlineModel() : chosen;
    request.prompt = prompt.trimmed();
    request.stream = true;
    request.setTool(u"model"_s, m_session->catalog().responsesImageModel());
    request.setTool(u"partial_images"_s, 2);
    // A turn with a response continues its conversation; the start (or a turn whose response
    // expired) is sent once as an input image.
    if (!from.responseId.isEmpty())
        request.previousResponseId = from.responseId;
    else
        request.images = {from.imagePath};
    return request;
}

void RefineThread::sendResponses(int index)
{
    RefineTurn &turn = m_turns[index];
    const RefineRequest request = requestFor(index);
    turn.previousResponseId = request.previousResponseId;
    turn.asEdit = false;
    for (const QString &path : request.images) {
        if (const Result<QString> image = ResponsesRequestBuilder::dataUrl(path); !image) {
            turn.state = RefineTurn::State::Failed;
            turn.notes.append(image.error());
            finishTurn(index);
            return;
        }
    }
    ImagesClient *client = m_session->client();
    auto *job = new RefineJob(client->networkAccessManager(), client->provider(),
                              m_session->apiKey(), client->options(), request, this);
    m_job = job;
    const bool continuing = !request.previousResponseId.isEmpty();
    connect(job, &RefineJob::responseIdKnown, this,
            [this, index](const QString &id) { m_turns[index].responseId = id; });
    connect(job, &RefineJob::partialImage, this, [this, index](const ImageResult &image) {
        Q_EMIT partialImage(index, pixelsOf(image));
    });
    // The final image shows at once and is kept when the turn ends, with the usage that comes
    // after it.
    auto final = std::make_shared<std::optional<ImageResult>>();
    connect(job, &RefineJob::imageReady, this, [this, index, final](const ImageResult &image) {
        *final = image;
        Q_EMIT partialImage(index, pixelsOf(image));
    });
    connect(job, &RefineJob::usageReported, this, [this, index](const ResponsesUsage &usage) {
        const QString model = m_session->catalog().responsesImageModel();
        m_turns[index].cost
            = CostEstimator::costOfUsage(m_session->catalog().spec(model).cost, usage.image);
        Q_EMIT turnChanged(index);
    });
    connect(job, &RefineJob::failed, this, [this, index, continuing](const ApiError &error) {
        onFailed(index, error, continuing);
    });
    connect(job, &RefineJob::finished, this, [this, index, job, request, final] {
        job->deleteLater();
        if (m_job != job)
            return; // the turn went on in another job
        m_job = nullptr;
        // What the turn cost counts in the session's total and against its budget (a turn
        // sent as an edit is counted by the session's job queue).
        if (m_turns.at(index).cost > 0)
            m_session->addSpent(m_turns.at(index).cost);
        if (final->has_value())
            keep(index, request, job->usage(), **final);
        if (m_turns.at(index).state == RefineTurn::State::Running)
            m_turns[index].state = m_turns.at(index).imageId > 0 ? RefineTurn::State::Done
                                                                 : RefineTurn::State::Failed;
        finishTurn(index);
    });
    job->start();
}

void RefineThread::onFailed(int index, const ApiError &error, bool continuing)
{
    RefineTurn &turn = m_turns[index];
    switch (RefineJob::classify(error, continuing)) {
    case RefineJob::Failure::NoResponsesApi:
        m_noResponsesApi = true;
        m_job = nullptr; // its finished() no longer ends the turn
        if (!m_saidEdits)
            turn.notes.append(tr("This provider has no Responses API (POST /responses answered "
                                 "404): the thread goes on as edits of the last image "
                                 "(/images/edits)."));
        m_saidEdits = true;
        sendEdit(index);
        return;
    case RefineJob::Failure::ConversationGone: {
        // The provider forgot that response: the turn it continued is sent again as an image,
        // and so is every later turn from it.
        RefineTurn &from = m_turns[turn.from];
        from.responseId.clear();
        turn.responseId.clear();
        turn.notes.append(tr("The conversation of turn %1 has expired at the provider; a new "
                             "one starts from its image.")
                              .arg(turn.from));
        m_job = nullptr;
        Q_EMIT turnChanged(index);
        sendResponses(index);
        return;
    }
    case RefineJob::Failure::Refused:
        turn.state = RefineTurn::State::Refused;
        turn.notes.append(tr("Refused: %1").arg(error.message));
        turn.responseId.clear();
        return;
    case RefineJob::Failure::Other:
        break;
    }
    turn.state = RefineTurn::State::Failed;
    turn.responseId.clear();
    turn.notes.append(tr("Failed: %1").arg(error.toString()));
}

ImageRequest RefineThread::asImageRequest(const RefineRequest &request)
{
    ImageRequest image;
    image.endpoint = request.images.isEmpty() ? Endpoint::Generations : Endpoint::Edits;
    image.model = request.imageModel();
    image.prompt = request.prompt;
    image.images = request.images;
    return image;
}

ImageRequest RefineThread::editFor(const QString &prompt, int fromTurn) const
{
    ImageRequest request;
    request.endpoint = Endpoint::Edits;
    request.model = m_session->catalog().responsesImageModel();
    request.prompt = prompt;
    request.images = {m_turns.at(fromTurn).imagePath};
    request.setOption(Param::Stream, true);
    request.setOption(Param::PartialImages, 2);
    return request;
}

void RefineThread::sendEdit(int index)
{
    RefineTurn &turn = m_turns[index];
    const RefineTurn &from = m_turns.at(turn.from);
    turn.asEdit = true;
    turn.previousResponseId.clear();
    turn.responseId.clear();
    const ImageRequest request = editFor(turn.prompt, turn.from);
    // The image it makes is marked as this thread's turn (and the turn it continued is its
    // parent), so that open() finds it after a restart as it finds the Responses API's turns.
    const QJsonObject refine {{u"api"_s, u"edits"_s},
                              {u"prompt"_s, turn.prompt},
                              {u"model"_s, request.model},
                              {u"continues"_s, from.imageId}};
    QList<JobId> ids;
    m_editPath.clear();
    const QList<Violation> errors = m_session->submitAll(
        {request}, &ids, EditContext {from.imageId, false, {{RefineKey, refine}}});
    if (!errors.isEmpty() || ids.isEmpty()) {
        turn.state = RefineTurn::State::Failed;
        turn.notes.append(errors.isEmpty() ? tr("The edit was not sent.") : errors.first().message);
        finishTurn(index);
        return;
    }
    m_editJob = ids.first();
    Q_EMIT turnChanged(index);
}

void RefineThread::keep(int index, const RefineRequest &request, const ResponsesUsage &usage,
                        const ImageResult &received)
{
    RefineTurn &turn = m_turns[index];
    const RefineTurn &from = m_turns.at(turn.from);
    LibraryImage entry;
    entry.request = asImageRequest(request);
    entry.revisedPrompt = received.revisedPrompt;
    entry.size = received.size;
    entry.format = received.format;
    entry.bytes = received.encoded.size();
    entry.usage = usage.image; // what the image model was paid for; the mainline's is its own
    entry.requestId = received.requestId;
    entry.provider = m_session->client()->provider().name;
    entry.parentId = from.imageId;
    entry.parentPath = from.imagePath;
    entry.savedAt = QDateTime::currentDateTime();
    QJsonObject refine = request.toJson();
    refine.insert(u"response_id"_s, turn.responseId);
    entry.edit.insert(RefineKey, refine);
    LibraryStore &library = m_session->library();
    const Result<QString> written
        = LibraryStore::writeFiles(library.folder(), entry, received.encoded);
    if (!written) {
        turn.notes.append(tr("The image could not be saved: %1").arg(written.error()));
        return;
    }
    entry.path = *written;
    const Result<qint64> added = library.add(entry);
    turn.imagePath = entry.path;
    turn.imageId = added ? *added : 0;
    if (!added)
        turn.notes.append(tr("The image is saved in %1 but not in the gallery: %2")
                              .arg(entry.path, added.error()));
    if (added)
        Q_EMIT imageSaved(index, turn.imageId, turn.imagePath);
}

void RefineThread::keepUnmade(int index)
{
    RefineTurn &turn = m_turns[index];
    LibraryStore &library = m_session->library();
    if (!library.isOpen() || m_turns.isEmpty() || turn.from < 0)
        return;
    qint64 after = 0;
    for (const RefineTurn &other : std::as_const(m_turns))
        after = std::max(after, other.imageId);
    QJsonArray notes;
    for (const QString &note : std::as_const(turn.notes))
        notes.append(note);
    QJsonArray kept = keptTurns(library.folder(), startId());
    kept.append(QJsonObject {
        {u"state"_s, turn.state == RefineTurn::State::Refused ? u"refused"_s : u"failed"_s},
        {u"prompt"_s, turn.prompt},
        {u"from_image"_s, m_turns.at(turn.from).imageId},
        {u"after_image"_s, after},
        {u"as_edit"_s, turn.asEdit},
        {u"cost"_s, turn.cost},
        {u"notes"_s, notes}});
    const QJsonObject document {{u"start"_s, startId()}, {u"turns"_s, kept}};
    const Result<QString> folder = SafeFiles::makeFolder(library.folder(), TurnsFolder);
    Status written = folder.ok() ? ContentFiles::writeAtomically(
                         turnsFile(library.folder(), startId()), QJsonDocument(document).toJson())
                                 : Status(failure(folder.error()));
    if (!written)
        turn.notes.append(tr("This turn is not kept for the next start: %1").arg(written.error()));
}

void RefineThread::finishTurn(int index)
{
    if (m_running != index)
        return;
    if (m_turns.at(index).imageId <= 0 && m_turns.at(index).state != RefineTurn::State::Done)
        keepUnmade(index);
    m_running = -1;
    m_editJob = JobId();
    m_editPath.clear();
    Q_EMIT turnChanged(index);
    Q_EMIT busyChanged(false);
}

void RefineThread::cancel()
{
    if (m_job) {
        m_job->cancel();
        return;
    }
    if (m_editJob.isValid())
        m_session->cancel(m_editJob);
}

} // namespace Atelier
