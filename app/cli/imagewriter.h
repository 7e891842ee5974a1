#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QMutex>
#include <QString>

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
    static QString defaultStem(const QString &prompt, const QDateTime &time = QDateTime::currentDateTime());

    // Returns the path written, or an empty string with `error` set.
    QString write(const ImageResult &image, const QString &suffix, QString *error);
    // The suffix for an image: "" (single), "-2" (second of several), "-partial-0", "-2-partial-1".
    static QString suffixFor(const ImageResult &image, int imagesRequested, int jobIndex);

    QString directory() const { return m_directory.absolutePath(); }

    // An image written as its bytes arrive: into a hidden ".<stem>-<n>.part" file in the folder,
    // which commit() then names as write() would. Destroyed without commit(), the file is removed.
    class Stream
    {
    public:
        ~Stream();
        bool write(QByteArrayView bytes, QString *error);
        QString commit(const ImageResult &image, const QString &suffix, QString *error);

    private:
        friend class ImageWriter;
        Stream(ImageWriter *writer, const QString &path);
        ImageWriter *m_writer;
        QFile m_file;
        bool m_committed = false;
    };
    // Null, with `error` set, when the folder or the file cannot be made.
    std::unique_ptr<Stream> beginStream(QString *error);

private:
    // A free name for the image (none is ever overwritten); m_mutex must be held.
    QString freePath(const ImageResult &image, const QString &suffix) const;
    bool makeDirectory(QString *error);

    QMutex m_mutex; // choosing a free name and taking it must not interleave
    QDir m_directory;
    QString m_stem;
    int m_streams = 0; // numbers the hidden files of streamed images
};

} // namespace Atelier
