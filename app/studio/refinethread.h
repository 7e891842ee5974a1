#pragma once

#include "api/responsesparser.h"
#include "jobqueue.h"
#include "model/apierror.h"
#include "model/imagerequest.h"
#include "model/imageresult.h"
#include "platform/result.h"

#include <QCoreApplication>
#include <QImage>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

namespace Atelier {

class RefineJob;
class StudioSession;
struct LibraryImage;
struct RefineRequest;

// One turn of a refine thread: the instruction, the image it made (in the library) and the
// response id to continue from. Turn 0 is the image the thread started from.
struct RefineTurn
{
    enum class State { Start, Running, Done, Refused, Failed };
    State state = State::Running;
    QString prompt;
    int from = -1; // the turn it continued (-1: none, the start)
    qint64 imageId = 0; // the library image it made (0: none, yet or at all)
    QString imagePath;
    QString responseId; // empty: nothing to continue (an edit, a start, or it expired)
    QString previousResponseId; // what it was sent with
    bool asEdit = false; // sent as /images/edits: the provider has no Responses API
    double cost = -1; // dollars, from the turn's usage; -1: not known
    QStringList notes; // what the thread says about the turn (expired, fell back, refused)
};

// The studio's refine thread, without widgets: a conversation with the Responses API's image
// tool that starts from a library image. Each turn is a RefineJob (its partials reported, its
// image kept in the library with the response id and the one it continued, its parent the image
// it refined). A turn continues any earlier one (a branch sends that turn's response id). A
// refused turn keeps the API's words; an expired response starts a new conversation from that
// turn's image; a provider without /responses (404) gets the turn as an edit of that image
// through the session's job queue, and every later one too. The thread is rebuilt from the
// library's lineage (open()) and the turns that made no image, kept in the library folder
// (.refine/thread-<start id>.json), so it survives a restart.
class RefineThread final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RefineThread)

public:
    explicit RefineThread(StudioSession *session, QObject *parent = nullptr);
    ~RefineThread() override;

    // Opens the thread of library image `id`: the one it belongs to when a turn made it (that
    // image's turn current), else a new one that starts from it.
    Status open(qint64 id);
    // The library image the thread started from (0: no thread).
    qint64 startId() const { return m_turns.isEmpty() ? 0 : m_turns.first().imageId; }
    const QList<RefineTurn> &turns() const { return m_turns; }
    // Sends `prompt` as a new turn that continues turn `from` (-1: the newest turn with an
    // image); the problem instead when it cannot be sent (nothing is sent then).
    Status send(const QString &prompt, int from = -1);
    bool isBusy() const { return m_running >= 0; }
    void cancel();
    // The turns' cost so far, in dollars.
    double totalCost() const;
    // Whether turns go as edits because the provider has no Responses API.
    bool sendsEdits() const { return m_noResponsesApi; }
    // The newest turn with an image (-1: none).
    int lastImageTurn() const;

Q_SIGNALS:
    void reset(); // turns() were replaced
    void turnAdded(int index);
    void turnChanged(int index);
    void partialImage(int index, const QImage &image);
    // Turn `index` made library image `id` (at `path`).
    void imageSaved(int index, qint64 id, const QString &path);
    void busyChanged(bool busy);

private:
    void rebuild(const LibraryImage &start);
    void sendResponses(int index);
    void sendEdit(int index);
    void onFailed(int index, const ApiError &error, bool continuing);
    void keep(int index, const RefineRequest &request, const ResponsesUsage &usage,
              const ImageResult &image);
    // Turn `index` ended without an image (refused, failed): kept in the library folder, so
    // that the thread rebuilt after a restart shows it.
    void keepUnmade(int index);
    void finishTurn(int index);
    RefineRequest requestFor(int index) const;
    // The request of a turn that would continue turn `fromTurn` with `prompt`.
    RefineRequest requestFor(const QString &prompt, int fromTurn) const;
    // The Images API request a turn amounts to (its recipe in the library, its estimate).
    static ImageRequest asImageRequest(const RefineRequest &request);
    // A turn sent as an edit of turn `fromTurn`'s image (the provider has no Responses API).
    ImageRequest editFor(const QString &prompt, int fromTurn) const;
    // A refine turn's image was saved by something other than the running turn (an
    // interrupted edit turn sent again after a restart, a retry from the job list): when it
    // continues one of this thread's images, the thread is read again and shows it.
    void adopt(qint64 id);

    StudioSession *m_session;
    QList<RefineTurn> m_turns;
    QPointer<RefineJob> m_job;
    JobId m_editJob; // the running turn's edit, when the turns go as edits
    QString m_editPath; // its image, once the session kept it
    int m_running = -1;
    bool m_noResponsesApi = false;
    bool m_saidEdits = false;
};

} // namespace Atelier
