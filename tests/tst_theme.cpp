#include "catalog/catalog.h"
#include "settings/settingsdialog.h"
#include "studio/studiosession.h"
#include "studio/studiosettings.h"
#include "testsettings.h"
#include "theme/icons.h"
#include "theme/theme.h"

#include <QApplication>
#include <QComboBox>
#include <QPainter>
#include <QPalette>
#include <QStyle>
#include <QStyleOption>
#include <QTemporaryDir>
#include <QTest>

#include <tuple>

using namespace Atelier;
using namespace Qt::StringLiterals;

class TestTheme : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_config;

    // The average lightness of what an icon draws (its opaque pixels), and how many there are.
    static std::pair<int, int> inked(const QIcon &icon, QIcon::Mode mode = QIcon::Normal)
    {
        const QImage image = icon.pixmap(QSize(24, 24), mode).toImage();
        qint64 lightness = 0;
        int count = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                const QColor pixel = image.pixelColor(x, y);
                if (pixel.alpha() > 200) {
                    lightness += pixel.lightness();
                    ++count;
                }
            }
        }
        return {count ? int(lightness / count) : -1, count};
    }

    // How far the most distinct pixel of an indicator is, in lightness, from the ground it is
    // drawn on: an unchecked box whose frame is a few levels off its ground is not seen.
    static int standsOut(QStyle::PrimitiveElement element, QStyle::State state,
                         QPalette::ColorRole groundRole)
    {
        const QPalette palette = QApplication::palette();
        const QColor ground = palette.color(groundRole);
        QImage image(40, 40, QImage::Format_RGB32);
        image.fill(ground);
        QPainter painter(&image);
        QStyleOptionButton option;
        option.palette = palette;
        option.state = state;
        if (!(state & QStyle::State_Enabled))
            option.palette.setCurrentColorGroup(QPalette::Disabled);
        const int edge = QApplication::style()->pixelMetric(QStyle::PM_IndicatorWidth);
        option.rect = QRect(10, 10, edge, edge);
        QApplication::style()->drawPrimitive(element, &option, &painter);
        painter.end();
        int most = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x)
                most = std::max(most,
                                std::abs(image.pixelColor(x, y).lightness() - ground.lightness()));
        }
        return most;
    }

private Q_SLOTS:
    void initTestCase()
    {
        AtelierTest::isolateSettings(m_config.path());
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/atelier-test-bus");
    }

    void darkByDefaultLightAsAChoice()
    {
        StudioSettings::theme.clear();
        QCOMPARE(Theme::configured(), Theme::Dark);
        Theme::apply(Theme::configured());
        QCOMPARE(Theme::styleName().toLower(), u"fusion"_s);
        QCOMPARE(Theme::current(), Theme::Dark);
        const QPalette dark = QApplication::palette();
        QVERIFY(dark.color(QPalette::Window).lightness() < 80);
        QVERIFY(dark.color(QPalette::WindowText).lightness() > 180);
        QVERIFY(dark.color(QPalette::Base).lightness() < dark.color(QPalette::Window).lightness());
        // Neutral: no tint that would change how an image's colours are judged.
        const QColor window = dark.color(QPalette::Window);
        QVERIFY(window.red() == window.green() && window.green() == window.blue());
        QVERIFY(dark.color(QPalette::Disabled, QPalette::Text).lightness()
                < dark.color(QPalette::Text).lightness());

        Theme::setConfigured(Theme::Light);
        QCOMPARE(StudioSettings::theme.value(), u"light"_s);
        Theme::apply(Theme::configured());
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 180);
        QVERIFY(QApplication::palette().color(QPalette::WindowText).lightness() < 80);
        // Images are shown on the same neutral dark ground in both.
        const QColor ground = Theme::imageGround();
        QVERIFY(ground.lightness() < 60 && ground.red() == ground.blue());
    }

    // Every check box and radio button is clearly seen on the window and on the base (views,
    // forms, menus, the compare grid's model list), checked or not, in both looks.
    void checkBoxesAndRadioButtonsStandOut_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("element");
        QTest::addColumn<int>("state");
        QTest::addColumn<int>("ground");
        QTest::addColumn<int>("least");
        const int off = QStyle::State_Enabled | QStyle::State_Off;
        const int on = QStyle::State_Enabled | QStyle::State_On;
        const int box = QStyle::PE_IndicatorCheckBox;
        const int radio = QStyle::PE_IndicatorRadioButton;
        const int viewCheck = QStyle::PE_IndicatorItemViewItemCheck;
        // Fusion's own light look draws its frames a little softer (51 levels off the window).
        for (const auto &[name, kind, clear] : {std::tuple {"dark", int(Theme::Dark), 60},
                                                std::tuple {"light", int(Theme::Light), 45}}) {
            QTest::addRow("%s: check box on the window", name)
                << kind << box << off << int(QPalette::Window) << clear;
            QTest::addRow("%s: check box on the base", name)
                << kind << box << off << int(QPalette::Base) << clear;
            QTest::addRow("%s: checked box on the base", name)
                << kind << box << on << int(QPalette::Base) << clear;
            QTest::addRow("%s: radio button on the window", name)
                << kind << radio << off << int(QPalette::Window) << clear;
            QTest::addRow("%s: radio button on the base", name)
                << kind << radio << off << int(QPalette::Base) << clear;
            QTest::addRow("%s: check box in a view", name)
                << kind << viewCheck << off << int(QPalette::Base) << clear;
            QTest::addRow("%s: disabled check box", name)
                << kind << box << int(QStyle::State_Off) << int(QPalette::Window) << clear / 2;
        }
    }

    void checkBoxesAndRadioButtonsStandOut()
    {
        QFETCH(int, kind);
        QFETCH(int, element);
        QFETCH(int, state);
        QFETCH(int, ground);
        QFETCH(int, least);
        Theme::apply(Theme::Kind(kind));
        const int contrast = standsOut(QStyle::PrimitiveElement(element), QStyle::State(state),
                                       QPalette::ColorRole(ground));
        QVERIFY2(contrast >= least, qPrintable(QString::number(contrast)));
    }

    void bundledIconsFollowThePalette_data()
    {
        QTest::addColumn<QIcon>("icon");
        QTest::newRow("generate") << Icons::generate();
        QTest::newRow("edit (mask)") << Icons::editMask();
        QTest::newRow("markup") << Icons::markup();
        QTest::newRow("vary") << Icons::vary();
        QTest::newRow("reference") << Icons::reference();
        QTest::newRow("favourite") << Icons::favourite();
        QTest::newRow("copy") << Icons::copy();
        QTest::newRow("export") << Icons::exportImage();
        QTest::newRow("delete") << Icons::remove();
        QTest::newRow("zoom to fit") << Icons::zoomFit();
        QTest::newRow("zoom 100 %") << Icons::zoom100();
        QTest::newRow("compare") << Icons::compare();
        QTest::newRow("cancel") << Icons::cancel();
        QTest::newRow("retry") << Icons::retry();
        QTest::newRow("settings") << Icons::settings();
    }

    void bundledIconsFollowThePalette()
    {
        QFETCH(QIcon, icon);
        QVERIFY(!icon.isNull());
        Theme::apply(Theme::Dark);
        const auto [onDark, drawn] = inked(icon);
        // Under the test platform no desktop icon theme answers: the bundled line icon draws.
        QVERIFY2(drawn > 15, qPrintable(QString::number(drawn)));
        QVERIFY2(onDark > 170, qPrintable(QString::number(onDark))); // light lines on dark
        Theme::apply(Theme::Light);
        const auto [onLight, drawnLight] = inked(icon);
        QCOMPARE(drawnLight, drawn);
        QVERIFY2(onLight < 90, qPrintable(QString::number(onLight))); // dark lines on light
        const auto [disabled, drawnDisabled] = inked(icon, QIcon::Disabled);
        Q_UNUSED(drawnDisabled)
        QVERIFY(disabled > onLight); // greyed out
    }

    void bundledIconsAreInTheResources()
    {
        for (const QString &name :
             {u"generate"_s, u"edit-mask"_s, u"markup"_s, u"vary"_s, u"refine"_s, u"reference"_s,
              u"favourite"_s, u"copy"_s, u"export"_s, u"delete"_s, u"zoom-fit"_s, u"zoom-100"_s,
              u"cancel"_s, u"retry"_s, u"settings"_s}) {
            QVERIFY2(QFile::exists(u":/icons/actions/%1.svg"_s.arg(name)), qPrintable(name));
            QVERIFY(!Icons::bundled(name).pixmap(24).isNull());
        }
        QVERIFY(Icons::bundled(u"no-such-icon"_s).isNull());
    }

    void settingsDialogChoosesTheLook()
    {
        Theme::setConfigured(Theme::Dark);
        Theme::apply(Theme::Dark);
        StudioSession session(Catalog::fromJson(Catalog::builtinJson()));
        SettingsDialog dialog(&session, QString());
        QComboBox *look = dialog.findChild<QComboBox *>(u"themeBox"_s);
        QVERIFY(look);
        QCOMPARE(look, dialog.themeBox());
        QCOMPARE(look->currentData().toString(), u"dark"_s);
        look->setCurrentIndex(look->findData(u"light"_s));
        dialog.apply();
        QCOMPARE(StudioSettings::theme.value(), u"light"_s);
        QCOMPARE(Theme::current(), Theme::Light);
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 180);
        SettingsDialog again(&session, QString());
        QCOMPARE(again.themeBox()->currentData().toString(), u"light"_s);
    }
};

QTEST_MAIN(TestTheme)
#include "tst_theme.moc"
