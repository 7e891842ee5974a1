#include "library/exporter.h"
#include "model/parameters.h"

#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>
#include <QTemporaryDir>
#include <QTest>

#include "gifencoder.h"

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

    LibraryImage document(const QString &name, const QByteArray &bytes)
    {
        LibraryImage image = sample();
        image.path = m_dir.filePath(name);
        QFile file(image.path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            qFatal("cannot write the test document");
        image.request.model = u"gpt-image-2.6-flare"_s;
        image.request.setOption(Param::OutputFormat, QFileInfo(name).suffix());
        return image;
    }

private Q_SLOTS:
    void fileNameTemplate_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("expected");
        QTest::newRow("default") << u"{date}-{model}-{prompt:40}"_s
                                 << u"2026-11-21-gpt-image-2-a-fox-in-snow-watercolour"_s;
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

    void invalidUnicodeStaysInTheFolder_data()
    {
        // A lone surrogate made the expressions give up and hand back the text unchanged: the
        // export then went to an absolute folder named in the prompt.
        QTest::addColumn<QString>("prompt");
        QTest::addColumn<QString>("pattern");
        const QString lone = QString(QChar(0xD800));
        QTest::newRow("in the prompt")
            << lone + u"/../../../../../tmp/escaped"_s << u"{prompt:80}"_s;
        QTest::newRow("in the template") << u"a fox"_s << lone + u"/../../../../tmp/{prompt}"_s;
        QTest::newRow("a low one alone")
            << QString(QChar(0xDC00)) + u"/x/../../y"_s << u"{date}/{prompt:80}"_s;
        QTest::newRow("a pair cut in half")
            << u"ab"_s + QString::fromUcs4(U"\U0001F98A") << u"{prompt:3}"_s;
    }

    void invalidUnicodeStaysInTheFolder()
    {
        QFETCH(QString, prompt);
        QFETCH(QString, pattern);
        LibraryImage image = sample();
        image.request.prompt = prompt;
        const QString name = Exporter::fileName(image, pattern);
        QVERIFY2(!name.contains(u'/') && !name.startsWith(u'.'), qPrintable(name));
        QCOMPARE(QString::fromUtf8(name.toUtf8()), name); // valid Unicode throughout
        QTemporaryDir out;
        ExportOptions options;
        options.folder = out.filePath(u"export"_s);
        options.nameTemplate = pattern;
        const Result<QString> pathExport = Exporter::exportImage(image, options);
        const QString path = pathExport.valueOr(QString());
        QVERIFY2(!path.isEmpty(), qPrintable(pathExport.error()));
        QCOMPARE(QFileInfo(path).absolutePath(), QDir(options.folder).absolutePath());
    }

    void exportNeverFollowsALink()
    {
        QTemporaryDir out;
        const QString victim = out.filePath(u"victim.png"_s);
        ExportOptions options;
        options.folder = out.filePath(u"export"_s);
        options.nameTemplate = u"{id}"_s;
        QVERIFY(QDir().mkpath(options.folder));
        // A dangling link under the name: the export takes another name, nothing is made at
        // the link's target.
        QVERIFY(QFile::link(victim, QDir(options.folder).filePath(u"42.png"_s)));
        const Result<QString> pathExport = Exporter::exportImage(sample(), options);
        const QString path = pathExport.valueOr(QString());
        QVERIFY2(!path.isEmpty(), qPrintable(pathExport.error()));
        QCOMPARE(QFileInfo(path).fileName(), u"42-2.png"_s);
        QVERIFY(!QFileInfo::exists(victim));
    }

    void recipeTravelsWithTheFile_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<bool>("carriesRecipe");
        QTest::newRow("png") << u"png"_s << true;
        QTest::newRow("jpeg") << u"jpeg"_s << true;
        QTest::newRow("webp") << u"webp"_s << true; // in an XMP chunk
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
        const Result<QString> pathExport = Exporter::exportImage(image, options);
        const QString path = pathExport.valueOr(QString());
        QVERIFY2(!path.isEmpty(), qPrintable(pathExport.error()));
        QCOMPARE(QString::fromLatin1(QImageReader(path).format()), format);
        QCOMPARE(QImage(path).size(), QSize(64, 48));
        const std::optional<ImageRequest> recipe = Exporter::readRecipe(path);
        QCOMPARE(recipe.has_value(), carriesRecipe);
        if (recipe)
            QCOMPARE(*recipe, image.request);
        // A second export never overwrites the first.
        const Result<QString> againExport = Exporter::exportImage(image, options);
        const QString again = againExport.valueOr(QString());
        QVERIFY(again != path && QFile::exists(path) && QFile::exists(again));
    }

    // JPEG and WebP carry an XMP packet: photo tools read the prompt, Atelier the recipe; the
    // file stays a valid image of its format, transparency included.
    void xmpForPhotoTools_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<int>("quality");
        QTest::addColumn<bool>("alpha");
        QTest::addColumn<QByteArray>("container");
        QTest::newRow("jpeg") << u"jpeg"_s << 85 << false
                              << QByteArray("http://ns.adobe.com/xap/1.0/");
        QTest::newRow("webp lossy") << u"webp"_s << 80 << false << QByteArray("VP8X");
        QTest::newRow("webp lossy, alpha") << u"webp"_s << 80 << true << QByteArray("VP8X");
        QTest::newRow("webp lossless") << u"webp"_s << 100 << false << QByteArray("VP8X");
        QTest::newRow("webp lossless, alpha") << u"webp"_s << 100 << true << QByteArray("VP8X");
    }

    void xmpForPhotoTools()
    {
        QFETCH(QString, format);
        QFETCH(int, quality);
        QFETCH(bool, alpha);
        QFETCH(QByteArray, container);
        LibraryImage image = sample(alpha);
        if (alpha) { // half transparent, half opaque blue
            QImage pixels(image.path);
            pixels = pixels.convertToFormat(QImage::Format_ARGB32);
            for (int y = 0; y < pixels.height(); ++y)
                for (int x = 0; x < pixels.width() / 2; ++x)
                    pixels.setPixel(x, y, qRgba(0, 0, 255, 255));
            QVERIFY(pixels.save(image.path));
        }
        ExportOptions options;
        options.folder = m_dir.filePath(u"xmp"_s);
        options.format = format;
        options.quality = quality;
        const Result<QString> pathExport = Exporter::exportImage(image, options);
        const QString path = pathExport.valueOr(QString());
        QVERIFY2(!path.isEmpty(), qPrintable(pathExport.error()));

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.contains(container));
        QVERIFY(bytes.contains("<x:xmpmeta"));
        QVERIFY(bytes.contains("<xmp:CreatorTool>Atelier"));
        QVERIFY(bytes.contains("A Fox / in &quot;Snow&quot;: watercolour?")
                || bytes.contains("A Fox / in \"Snow\": watercolour?"));
        if (format == u"webp") {
            QVERIFY(bytes.contains("XMP "));
            const quint32 riffSize = quint8(bytes[4]) | quint8(bytes[5]) << 8
                | quint8(bytes[6]) << 16 | quint32(quint8(bytes[7])) << 24;
            QCOMPARE(qsizetype(riffSize), bytes.size() - 8);
        }

        QImageReader reader(path);
        QCOMPARE(QString::fromLatin1(reader.format()), format);
        const QImage decoded = reader.read();
        QVERIFY2(!decoded.isNull(), qPrintable(reader.errorString()));
        QCOMPARE(decoded.size(), QSize(64, 48));
        if (alpha) {
            QVERIFY(decoded.hasAlphaChannel());
            QCOMPARE(qAlpha(decoded.pixel(60, 10)), 0);
            QCOMPARE(qAlpha(decoded.pixel(5, 10)), 255);
        }
        const std::optional<ImageRequest> recipe = Exporter::readRecipe(path);
        QVERIFY(recipe);
        QCOMPARE(*recipe, image.request);
    }

    void jpegFlattensTransparencyOntoWhite()
    {
        ExportOptions options;
        options.folder = m_dir.filePath(u"flat"_s);
        options.format = u"jpeg"_s;
        const Result<QString> pathExport = Exporter::exportImage(sample(true), options);
        const QString path = pathExport.valueOr(QString());
        QVERIFY2(!path.isEmpty(), qPrintable(pathExport.error()));
        const QColor corner = QImage(path).pixelColor(0, 0);
        QVERIFY2(corner.lightness() > 240, qPrintable(corner.name()));
    }

    void gifAndSvgExportAsThemselves()
    {
        ExportOptions options;
        options.folder = m_dir.filePath(u"documents"_s);
        options.format = u"original"_s;
        const LibraryImage gif = document(u"ball.gif"_s, AtelierTest::GifEncoder::twoFrames());
        const Result<QString> gifPathExport = Exporter::exportImage(gif, options);
        const QString gifPath = gifPathExport.valueOr(QString());
        QVERIFY2(gifPath.endsWith(u".gif"_s), qPrintable(gifPath + gifPathExport.error()));
        QImageReader gifReader(gifPath);
        QCOMPARE(gifReader.imageCount(), 2); // still animated, the XMP extension skipped
        QCOMPARE(gifReader.read().pixelColor(0, 0), QColor(Qt::black));
        QCOMPARE(gifReader.read().pixelColor(0, 0), QColor(Qt::white));
        QCOMPARE(Exporter::readRecipe(gifPath).value_or(ImageRequest()), gif.request);

        const QByteArray svgBytes
            = "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" "
              "height=\"20\">"
              "<rect width=\"40\" height=\"20\" fill=\"#00ff00\"/></svg>";
        const LibraryImage svg = document(u"logo.svg"_s, svgBytes);
        const Result<QString> svgPathExport = Exporter::exportImage(svg, options);
        const QString svgPath = svgPathExport.valueOr(QString());
        QVERIFY2(svgPath.endsWith(u".svg"_s), qPrintable(svgPath + svgPathExport.error()));
        QFile exported(svgPath);
        QVERIFY(exported.open(QIODevice::ReadOnly));
        const QByteArray exportedBytes = exported.readAll();
        QVERIFY(exportedBytes.contains("<metadata>"));
        QCOMPARE(QImage(svgPath).size(), QSize(40, 20)); // still a valid SVG
        QCOMPARE(Exporter::readRecipe(svgPath).value_or(ImageRequest()), svg.request);

        // On request, as pixels.
        options.format = u"png"_s;
        const Result<QString> pngPathExport = Exporter::exportImage(svg, options);
        const QString pngPath = pngPathExport.valueOr(QString());
        QVERIFY2(pngPath.endsWith(u".png"_s), qPrintable(pngPathExport.error()));
        const QImage png(pngPath);
        QCOMPARE(png.size(), QSize(40, 20));
        QCOMPARE(png.pixelColor(10, 10), QColor(Qt::green));
        // A PNG "as made" stays a PNG with its recipe.
        options.format = u"original"_s;
        const Result<QString> samePathExport = Exporter::exportImage(sample(), options);
        const QString samePath = samePathExport.valueOr(QString());
        QVERIFY2(samePath.endsWith(u".png"_s), qPrintable(samePathExport.error()));
        QVERIFY(Exporter::readRecipe(samePath).has_value());
    }

    void missingSourceIsExplained()
    {
        LibraryImage image = sample();
        image.path = m_dir.filePath(u"gone.png"_s);
        ExportOptions options;
        options.folder = m_dir.path();
        const Result<QString> exported = Exporter::exportImage(image, options);
        QVERIFY(!exported);
        QVERIFY(exported.error().contains(u"moved or deleted"_s));
    }

    void plainImagesCarryNoRecipe()
    {
        QVERIFY(!Exporter::readRecipe(sample().path)); // the source was saved without one
    }
};

QTEST_MAIN(TestExporter)
#include "tst_exporter.moc"
