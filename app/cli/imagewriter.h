#pragma once

#include "api/imagejob.h"
#include "platform/result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QMutex>
#include <QString>

#include <functional>
#include <memory>

namespace Atelier {

struct ImageResult;

// Saves received images into a folder as they arrive: <stem>.<ext>, <stem>-<n>.<ext> for several
// images, <stem>-partial-<i>.<ext> for partials. A file appears whole under its name (written as
// <name>.part, then renamed), and none is ever overwritten.
// Safe to call from several threads (parallel jobs decode, and save, on different threads).
class ImageWriter final
{
    Q_DECLARE_TR_FUNCTIONS(Atelier::ImageWriter)

public:
    ImageWriter(const QString &directory, const QString &stem);

    // "atelier-20261121-235400-a-lighthouse-at-dusk": a stem from the time and the prompt.
    static QString defaultStem(const QString &prompt,
                               const QDateTime &time = QDateTime::currentDateTime());

    // Fails when `stem` (--name) is not a plain file name (a folder in it, ".."), saying why.
    static Status checkStem(const QString &stem);

    // Before anything is sent (and paid for): makes the folder and proves that files can be
    // written in it. A failure says which path is wrong, the system's reason and what to do.
    Status prepare();

    // The path written.
    Result<QString> write(const ImageResult &image, const QString &suffix);
    // The suffix for an image: "" (single), "-2" (second of several), "-partial-0", "-2-partial-1".
    static QString suffixFor(const ImageResult &image, int imagesRequested, int jobIndex);

    QString directory() const { return m_directory.absolutePath(); }

    // The names of the hidden files below, the writer's process id the first capture.
    static const QString LeftoverPattern;

    // A sink for a job's streamed images (ImageJob::setStreamSink): each is written as its
    // bytes arrive, into a hidden ".<stem>.atelier-<pid>-<n>-<random>.part" file, then named as
    // write() names it, with the suffix `suffixFor` gives; one never committed is removed, and
    // those left by runs that were killed are removed at the first image. Holds the writer: a
    // decode task may commit after the job is gone.
    using SuffixFor = std::function<QString(const ImageResult &image)>;
    static std::shared_ptr<ImageJob::StreamSink> streamSink(std::shared_ptr<ImageWriter> writer,
                                                            SuffixFor suffixFor);

private:
    // A free name for the image (none is ever overwritten); m_mutex must be held.
    QString freePath(const ImageResult &image, const QString &suffix) const;
    Status makeDirectory();
    class FileSink;
    class WriterFile;

    QMutex m_mutex; // choosing a free name and taking it must not interleave
    QDir m_directory;
    QString m_stem;
    int m_streams = 0; // numbers the hidden files of streamed images
    bool m_sweptLeftovers = false; // those of runs that were killed: removed once, at the first
};

} // namespace Atelier
