#include "maskimages.h"
#include "model/parameters.h"
#include "studio/editinputs.h"

#include <QImageReader>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace Atelier;
using namespace AtelierTest;
using Action = InputFix::Action;

namespace {

QImage picture(const QSize &size, bool noise = false)
{
    QImage image(size, QImage::Format_RGB32);
    QRandomGenerator random(7);
    for (int y = 0; y < size.height(); ++y)
        for (int x = 0; x < size.width(); ++x)
            image.setPixel(x, y,
                           noise ? random.generate() | 0xff000000u : qRgb(x % 256, y % 256, 90));
    return image;
}

// The model may change the top half.
QImage alphaMask(const QSize &size)
{
    return apiMask(size, QRect(0, 0, size.width(), size.height() / 2));
}

QImage blackAndWhiteMask(const QSize &size)
{
    QImage mask(size, QImage::Format_RGB32);
    mask.fill(Qt::white);
    for (int y = 0; y < size.height() / 2; ++y)
        for (int x = 0; x < size.width(); ++x)
            mask.setPixel(x, y, qRgb(0, 0, 0));
    return mask;
}

QStringList errorsAbout(const QList<Violation> &violations)
{
    QStringList messages;
    for (const Violation &violation : violations) {
        if (violation.isError()
            && (violation.parameter == Param::Image || violation.parameter == Param::Mask))
            messages.append(violation.message);
    }
    return messages;
}

} // namespace

class TestEditInputs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixesBadInputs_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<int>("endpoint");
        QTest::addColumn<QString>("imageFormat");
        QTest::addColumn<QSize>("imageSize");
        QTest::addColumn<bool>("noise");
        QTest::addColumn<QString>("maskKind"); // "", alpha, bw
        QTest::addColumn<QSize>("maskSize");
        QTest::addColumn<QList<int>>("actions");
        QTest::addColumn<QList<bool>>("consent");
        QTest::addColumn<QString>("message"); // what the validator says before the fix

        const int edits = int(Endpoint::Edits);
        const int variations = int(Endpoint::Variations);
        const auto a = [](std::initializer_list<Action> list) {
            QList<int> out;
            for (Action action : list)
                out.append(int(action));
            return out;
        };
        QTest::newRow("dall-e-2 edit: JPEG is converted losslessly")
            << u"dall-e-2"_qs << edits << u"jpeg"_qs << QSize(256, 256) << false << QString()
            << QSize() << a({Action::ConvertToPng}) << QList<bool> {false} << u"JPEG"_qs;
        QTest::newRow("dall-e-2 edit: not square is cropped with consent")
            << u"dall-e-2"_qs << edits << u"png"_qs << QSize(300, 200) << false << QString()
            << QSize() << a({Action::CropSquare}) << QList<bool> {true} << u"square"_qs;
        QTest::newRow("dall-e-2 variation: over 4 MB is scaled down")
            << u"dall-e-2"_qs << variations << u"png"_qs << QSize(1200, 1200) << true << QString()
            << QSize() << a({Action::Downscale}) << QList<bool> {true} << u"under 4"_qs;
        QTest::newRow("dall-e-2 variation: BMP not square")
            << u"dall-e-2"_qs << variations << u"bmp"_qs << QSize(128, 64) << false << QString()
            << QSize() << a({Action::ConvertToPng, Action::CropSquare}) << QList<bool> {false, true}
            << u"BMP"_qs;
        QTest::newRow("gpt-image-1.5 edit: BMP reference")
            << u"gpt-image-1.5"_qs << edits << u"bmp"_qs << QSize(64, 64) << false << QString()
            << QSize() << a({Action::ConvertToPng}) << QList<bool> {false} << u"BMP"_qs;
        QTest::newRow("gpt-image-1.5 edit: mask without alpha")
            << u"gpt-image-1.5"_qs << edits << u"png"_qs << QSize(64, 48) << false << u"bw"_qs
            << QSize(64, 48) << a({Action::MaskFromGray}) << QList<bool> {true} << u"alpha"_qs;
        QTest::newRow("gpt-image-2 edit: mask of another size")
            << u"gpt-image-2"_qs << edits << u"png"_qs << QSize(64, 48) << false << u"alpha"_qs
            << QSize(32, 24) << a({Action::ResizeMask}) << QList<bool> {true} << u"same size"_qs;
        QTest::newRow("dall-e-2 edit: mask follows the crop")
            << u"dall-e-2"_qs << edits << u"png"_qs << QSize(300, 200) << false << u"alpha"_qs
            << QSize(300, 200) << a({Action::CropSquare}) << QList<bool> {true} << u"square"_qs;
    }
    void fixesBadInputs()
    {
        QFETCH(QString, model);
        QFETCH(int, endpoint);
        QFETCH(QString, imageFormat);
        QFETCH(QSize, imageSize);
        QFETCH(bool, noise);
        QFETCH(QString, maskKind);
        QFETCH(QSize, maskSize);
        QFETCH(QList<int>, actions);
        QFETCH(QList<bool>, consent);
        QFETCH(QString, message);

        QTemporaryDir dir;
        const QString imagePath = dir.filePath(u"input."_qs + imageFormat);
        QVERIFY(picture(imageSize, noise).save(imagePath, imageFormat.toLatin1().constData()));
        ImageRequest request;
        request.endpoint = Endpoint(endpoint);
        request.model = model;
        if (request.endpoint == Endpoint::Edits)
            request.prompt = u"a red door"_qs;
        request.images = {imagePath};
        if (!maskKind.isEmpty()) {
            request.mask = dir.filePath(u"mask.png"_qs);
            QVERIFY((maskKind == u"bw" ? blackAndWhiteMask(maskSize) : alphaMask(maskSize))
                        .save(request.mask, "PNG"));
        }

        const Catalog catalog = Catalog::fromJson(Catalog::builtinJson());
        const QStringList before = errorsAbout(catalog.validate(request));
        QVERIFY2(before.join(u' ').contains(message), qPrintable(before.join(u'\n')));

        const EditInputs inputs(catalog);
        const QList<InputFix> fixes = inputs.proposeFixes(request);
        QCOMPARE(fixes.size(), actions.size());
        for (int i = 0; i < fixes.size(); ++i) {
            QCOMPARE(int(fixes.at(i).action), actions.at(i));
            QCOMPARE(fixes.at(i).needsConsent, consent.at(i));
            QVERIFY(!fixes.at(i).sentence.isEmpty());
        }

        const Result<FixedInputs> applied = inputs.apply(request, fixes, dir.filePath(u"fixed"_qs));
        QVERIFY2(applied, qPrintable(applied.error()));
        QVERIFY(!applied->done.isEmpty());
        const ImageRequest &fixed = applied->request;
        QCOMPARE(errorsAbout(catalog.validate(fixed)), QStringList());
        QVERIFY(QFileInfo::exists(imagePath)); // the original is left alone
        if (!fixed.mask.isEmpty())
            QCOMPARE(QImageReader(fixed.mask).size(), QImageReader(fixed.images.first()).size());
    }

    void nothingToFixWhenAllIsWell()
    {
        QTemporaryDir dir;
        ImageRequest request;
        request.endpoint = Endpoint::Edits;
        request.model = u"gpt-image-1.5"_qs;
        request.prompt = u"x"_qs;
        request.images = {dir.filePath(u"a.png"_qs), dir.filePath(u"b.jpg"_qs)};
        QVERIFY(picture(QSize(64, 64)).save(request.images.at(0), "PNG"));
        QVERIFY(picture(QSize(80, 40)).save(request.images.at(1), "JPEG"));
        request.mask = dir.filePath(u"m.png"_qs);
        QVERIFY(alphaMask(QSize(64, 64)).save(request.mask, "PNG"));
        const Catalog catalog = Catalog::fromJson(Catalog::builtinJson());
        QCOMPARE(EditInputs(catalog).proposeFixes(request).size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestEditInputs)
#include "tst_editinputs.moc"
