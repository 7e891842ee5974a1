#include "api/parameters.h"
#include "library/exporter.h"

#include <QImage>
#include <QImageReader>
#include <QTemporaryDir>
#include <QTest>

using namespace Atelier;
using namespace Qt::StringLiterals;

class TestExporter : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    LibraryImage sample(bool alpha = false)
    {
        QImage pixels(64, 48, alpha ? QImage::Format_ARGB32 : QImage::Format_RGB32);
        pixels.fill(alpha ? QColor(255, 0, 0, 0) : QColor(Qt::darkGreen));
        LibraryImage image;
        image.id = 42;
        image.path = m_dir.filePath(alpha ? u"source-alpha.png"_s : u"source.png"_s);
        pixels.save(image.path);
        image.size = pixels.size();
        image.request.model = u"gpt-image-2"_s;
        image.request.prompt = u"A Fox / in \"Snow\": watercolour?"_s;
        image.request.setOption(Param::Size, u"1536x864"_s);
        image.request.setOption(Param::Quality, u"high"_s);
        image.savedAt = QDateTime(QDate(2026, 11, 21), QTime(23, 54, 0));
        return image;
    }

private Q_SLOTS:
    void fileNameTemplate_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("expected");
        QTest::newRow("default") << u"{date}-{model}-{prompt:40}"_s << u"2026-11-21-gpt-image-2-a-fox-in-snow-watercolour"_s;
        QTest::newRow("short prompt") << u"{prompt:5}"_s << u"a-fox"_s;
        QTest::newRow("size and id") << u"{id}_{size}_{time}"_s << u"42_64x48_235400"_s;
        QTest::newRow("separators are not folders") << u"../{model}/x"_s << u"-gpt-image-2-x"_s;
        QTest::newRow("unknown field kept literally") << u"{colour}-{id}"_s << u"{colour}-42"_s;
        QTest::newRow("empty") << QString() << u"atelier-image"_s;
    }

    void fileNameTemplate()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, expected);
        QCOMPARE(Exporter::fileName(sample(), pattern), expected);
    }

    void recipeTravelsWithTheFile_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<bool>("carriesRecipe");
        QTest::newRow("png") << u"png"_s << true;
        QTest::newRow("jpeg") << u"jpeg"_s << true;
        QTest::newRow("webp") << u"webp"_s << false; // Qt's WebP writer keeps no metadata yet
    }

    void recipeTravelsWithTheFile()
    {
        QFETCH(QString, format);
        QFETCH(bool, carriesRecipe);
        const LibraryImage image = sample();
        ExportOptions options;
        options.folder = m_dir.filePath(u"out"_s);
        options.format = format;
        options.quality = 80;
        QString error;
        const QString path = Exporter::exportImage(image, options, &error);
        QVERIFY2(!path.isEmpty(), qPrintable(error));
        QCOMPARE(QString::fromLatin1(QImageReader(path).format()), format);
        QCOMPARE(QImage(path).size(), QSize(64, 48));
        const std::optional<ImageRequest> recipe = Exporter::readRecipe(path);
        QCOMPARE(recipe.has_value(), carriesRecipe);
        if (recipe)
            QCOMPARE(*recipe, image.request);
        // A second export never overwrites the first.
        const QString again = Exporter::exportImage(image, options, &error);
        QVERIFY(again != path && QFile::exists(path) && QFile::exists(again));
    }

    void jpegFlattensTransparencyOntoWhite()
    {
        ExportOptions options;
        options.folder = m_dir.filePath(u"flat"_s);
        options.format = u"jpeg"_s;
        QString error;
        const QString path = Exporter::exportImage(sample(true), options, &error);
        QVERIFY2(!path.isEmpty(), qPrintable(error));
        const QColor corner = QImage(path).pixelColor(0, 0);
        QVERIFY2(corner.lightness() > 240, qPrintable(corner.name()));
    }

    void missingSourceIsExplained()
    {
        LibraryImage image = sample();
        image.path = m_dir.filePath(u"gone.png"_s);
        ExportOptions options;
        options.folder = m_dir.path();
        QString error;
        QVERIFY(Exporter::exportImage(image, options, &error).isEmpty());
        QVERIFY(error.contains(u"moved or deleted"_s));
    }

    void plainImagesCarryNoRecipe()
    {
        QVERIFY(!Exporter::readRecipe(sample().path)); // the source was saved without one
    }
};

QTEST_MAIN(TestExporter)
#include "tst_exporter.moc"
