#include "catalog/catalog.h"
#include "model/parameters.h"
#include "params/parameterpanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDate>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTest>
#include <QToolButton>

using namespace Atelier;
using namespace Qt::StringLiterals;

class TestParameterPanel : public QObject
{
    Q_OBJECT

private:
    Catalog m_catalog = Catalog::fromJson(Catalog::builtinJson());

    static QComboBox *combo(ParameterPanel &panel, const QString &parameter)
    {
        return qobject_cast<QComboBox *>(panel.control(parameter));
    }

    static void choose(ParameterPanel &panel, const QString &parameter, const QString &value)
    {
        QComboBox *box = combo(panel, parameter);
        const int index = box->findData(value);
        QVERIFY2(index >= 0, qPrintable(value));
        box->setCurrentIndex(index);
    }

private Q_SLOTS:
    void everyModelSwitchFollowsTheCatalog_data()
    {
        QTest::addColumn<int>("endpoint");
        QTest::addColumn<QString>("model");
        for (Endpoint endpoint : allEndpoints) {
            for (const QString &model : m_catalog.modelsFor(endpoint))
                QTest::addRow("%s %s", qPrintable(endpointName(endpoint)), qPrintable(model))
                    << int(endpoint) << model;
            QTest::addRow("%s unknown", qPrintable(endpointName(endpoint)))
                << int(endpoint) << u"acme/image"_s;
        }
    }

    void everyModelSwitchFollowsTheCatalog()
    {
        QFETCH(int, endpoint);
        QFETCH(QString, model);
        ParameterPanel panel(m_catalog);
        panel.setEndpoint(Endpoint(endpoint));
        panel.setModel(model);
        for (const QString &parameter : allParameters()) {
            QWidget *control = panel.control(parameter);
            if (!control)
                continue; // prompt, image and mask live outside the panel
            const auto rule = m_catalog.allowed(model, Endpoint(endpoint), parameter);
            QCOMPARE(control->isEnabled(), rule.has_value());
            QCOMPARE(panel.label(parameter)->isEnabled(), rule.has_value());
            if (!rule) {
                QVERIFY2(control->toolTip().contains(model),
                         qPrintable(control->toolTip())); // says why
                continue;
            }
            if (auto *box = qobject_cast<QComboBox *>(control)) {
                // Every value the model offers is there and enabled; the rest are disabled.
                auto *items = qobject_cast<QStandardItemModel *>(box->model());
                QStringList enabled;
                for (int row = 1; row < items->rowCount(); ++row) {
                    const QString value = items->item(row)->data(Qt::UserRole).toString();
                    if (items->item(row)->isEnabled() && value != u"custom")
                        enabled.append(value);
                    else if (!items->item(row)->isEnabled())
                        QVERIFY(items->item(row)->toolTip().contains(u"does not offer"_s));
                }
                // One Auto: a default of auto is the first item, not a second one.
                QStringList offered = rule->values;
                if (rule->defaultValue.toString() == u"auto") {
                    offered.removeAll(u"auto"_s);
                    QCOMPARE(items->item(0)->text(), u"Auto"_s);
                }
                QCOMPARE(enabled, offered);
                int autos = 0;
                for (int row = 0; row < items->rowCount(); ++row)
                    autos += items->item(row)->text().startsWith(u"Auto"_s) ? 1 : 0;
                QVERIFY(autos <= 1);
            }
            if (auto *spin = qobject_cast<QSpinBox *>(control)) {
                QCOMPARE(spin->maximum(), rule->maximum);
                QCOMPARE(spin->minimum(), rule->minimum - 1); // one below: "Default", not sent
            }
        }
        // A fresh panel sends nothing but the model.
        const ImageRequest request = panel.request();
        QVERIFY(request.options.isEmpty());
        QCOMPARE(request.model, model);
    }

    // Switching to a model without streaming and back restores what was set on each.
    void parametersAreRememberedPerModel()
    {
        ParameterPanel panel(m_catalog);
        const QString streaming = u"gpt-image-2.6-flare"_s;
        panel.setModel(streaming);
        qobject_cast<QCheckBox *>(panel.control(Param::Stream))->setChecked(true);
        qobject_cast<QSpinBox *>(panel.control(Param::PartialImages))->setValue(2);
        choose(panel, Param::Size, u"1536x1024"_s);
        panel.setModel(u"dall-e-3"_s);
        QVERIFY(!panel.request().hasOption(Param::Stream)); // dall-e-3 does not stream
        choose(panel, Param::Style, u"vivid"_s);
        panel.setModel(streaming);
        ImageRequest request = panel.request();
        QCOMPARE(request.option(Param::Stream).toBool(), true);
        QCOMPARE(request.option(Param::PartialImages).toInt(), 2);
        QCOMPARE(request.option(Param::Size).toString(), u"1536x1024"_s);
        QVERIFY(!request.hasOption(Param::Style));
        panel.setModel(u"dall-e-3"_s);
        QCOMPARE(panel.request().option(Param::Style).toString(), u"vivid"_s);
        // Through the model box, as the user switches.
        auto *models = panel.modelBox();
        models->setCurrentIndex(models->findText(streaming));
        QCOMPARE(panel.request().option(Param::PartialImages).toInt(), 2);
    }

    void valuesReadAsAPersonSaysThem()
    {
        ParameterPanel panel(m_catalog);
        panel.setModel(u"gpt-image-2.6-flare"_s);
        QComboBox *size = combo(panel, Param::Size);
        QCOMPARE(size->itemText(size->findData(u"1024x1024"_s)), u"Square 1:1 — 1024×1024"_s);
        QCOMPARE(size->itemText(size->findData(u"1536x1024"_s)), u"Landscape 3:2 — 1536×1024"_s);
        QCOMPARE(size->itemText(size->findData(u"1024x1536"_s)), u"Portrait 2:3 — 1024×1536"_s);
        QComboBox *quality = combo(panel, Param::Quality);
        QCOMPARE(quality->itemText(quality->findData(u"high"_s)), u"High"_s);
        QCOMPARE(quality->findData(u"auto"_s), -1); // the Auto item is the default one
        QCOMPARE(quality->itemText(0), u"Auto"_s);
        QComboBox *format = combo(panel, Param::OutputFormat);
        QCOMPARE(format->itemText(format->findData(u"webp"_s)), u"WebP"_s);
        // The API's own word stays in the tooltip.
        QVERIFY(size->model()
                    ->index(size->findData(u"1024x1024"_s), 0)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(u"1024x1024"_s));
        // A recipe with an explicit auto is the Auto item, said nowhere as a reset.
        QSignalSpy status(&panel, &ParameterPanel::statusMessage);
        ImageRequest recipe;
        recipe.model = u"gpt-image-2.6-flare"_s;
        recipe.setOption(Param::Quality, u"auto"_s);
        panel.applyRequest(recipe);
        QCOMPARE(quality->currentIndex(), 0);
        QVERIFY(status.isEmpty());
    }

    void rarelyUsedParametersAreUnderAdvanced()
    {
        ParameterPanel panel(m_catalog);
        panel.show();
        auto *toggle = panel.findChild<QToolButton *>(u"advancedToggle"_s);
        auto *advanced = panel.findChild<QWidget *>(u"advanced"_s);
        QVERIFY(toggle && advanced);
        for (const QString parameter :
             {Param::OutputCompression, Param::Moderation, Param::ResponseFormat, Param::User}) {
            QVERIFY2(advanced->isAncestorOf(panel.control(parameter)), qPrintable(parameter));
            QVERIFY(!panel.control(parameter)->isVisible());
        }
        for (const QString parameter : {Param::Size, Param::Quality, Param::N, Param::Stream})
            QVERIFY2(!advanced->isAncestorOf(panel.control(parameter)), qPrintable(parameter));
        toggle->click();
        QVERIFY(panel.control(Param::Moderation)->isVisible());
        QVERIFY(!panel.control(Param::Moderation)->accessibleName().isEmpty());
    }

    void invalidValueIsResetAndAnnounced()
    {
        ParameterPanel panel(m_catalog);
        panel.setModel(u"dall-e-3"_s);
        choose(panel, Param::Style, u"natural"_s);
        choose(panel, Param::Quality, u"hd"_s);
        qobject_cast<QSpinBox *>(panel.control(Param::N))->setValue(1);
        QSignalSpy status(&panel, &ParameterPanel::statusMessage);
        panel.setModel(u"gpt-image-2.6-flare"_s);
        QCOMPARE(status.count(), 1);
        const QString message = status.first().first().toString();
        QVERIFY2(message.contains(u"Style"_s) && message.contains(u"Quality"_s),
                 qPrintable(message));
        const ImageRequest request = panel.request();
        QVERIFY(!request.hasOption(Param::Style));
        QVERIFY(!request.hasOption(Param::Quality));
        QCOMPARE(request.option(Param::N).toInt(), 1); // still valid: kept
    }

    void valueValidForBothModelsIsKept()
    {
        ParameterPanel panel(m_catalog);
        panel.setModel(u"gpt-image-1"_s);
        choose(panel, Param::Quality, u"low"_s);
        choose(panel, Param::Background, u"transparent"_s);
        QSignalSpy status(&panel, &ParameterPanel::statusMessage);
        panel.setModel(u"gpt-image-2"_s);
        QCOMPARE(status.count(), 0);
        QCOMPARE(panel.request().option(Param::Quality).toString(), u"low"_s);
        QVERIFY(combo(panel, Param::Background)->currentText().contains(u"preview"_s));
    }

    void freeSizesOnlyForGptImage2()
    {
        ParameterPanel panel(m_catalog);
        panel.setModel(u"gpt-image-1.5"_s);
        QCOMPARE(combo(panel, Param::Size)->findData(u"custom"_s), -1);
        panel.setModel(u"gpt-image-2"_s);
        choose(panel, Param::Size, u"custom"_s);
        QVERIFY(!panel.customSizeEditor()->isHidden());
        const QList<QSpinBox *> spins = panel.customSizeEditor()->findChildren<QSpinBox *>();
        QCOMPARE(spins.size(), 2);
        spins[0]->setValue(2048);
        spins[1]->setValue(1152);
        QCOMPARE(panel.request().option(Param::Size).toString(), u"2048x1152"_s);
        panel.setModel(u"gpt-image-1.5"_s); // custom sizes do not exist there: reset
        QVERIFY(!panel.request().hasOption(Param::Size));
        QVERIFY(panel.customSizeEditor()->isHidden());
    }

    void endpointSwitchOffersOnlyModelsThatServeIt()
    {
        ParameterPanel panel(m_catalog);
        panel.setModel(u"gpt-image-1.5"_s);
        QSignalSpy status(&panel, &ParameterPanel::statusMessage);
        panel.setEndpoint(Endpoint::Variations);
        QCOMPARE(panel.model(), u"dall-e-2"_s);
        QCOMPARE(panel.modelBox()->count(), 1);
        QVERIFY(status.count() >= 1);
        QVERIFY(
            status.first().first().toString().contains(u"gpt-image-1.5 cannot make variations"_s));
        panel.setEndpoint(Endpoint::Edits);
        QVERIFY(panel.modelBox()->findText(u"dall-e-3"_s) < 0);
        QVERIFY(panel.modelBox()->findText(u"chatgpt-image-latest"_s) >= 0);
    }

    void startsWithAModelOpenAIServes()
    {
        ParameterPanel panel(m_catalog);
        QCOMPARE(panel.model(), u"gpt-image-2.6-flare"_s);
        // Served models first; shut-down ones after a separator, still choosable for gateways.
        const QDate today = QDate::currentDate();
        bool seenShutDown = false;
        for (int i = 0; i < panel.modelBox()->count(); ++i) {
            const QString id = panel.modelBox()->itemText(i);
            if (id.isEmpty())
                continue; // the separator
            const bool shutDown = m_catalog.spec(id).isShutDown(today);
            QVERIFY2(!seenShutDown || shutDown, qPrintable(id));
            seenShutDown = seenShutDown || shutDown;
            if (shutDown)
                QVERIFY(panel.modelBox()
                            ->itemData(i, Qt::ToolTipRole)
                            .toString()
                            .contains(u"shut it down"_s));
        }
        QVERIFY(seenShutDown);
    }

    void shutDownModelOffersItsReplacement()
    {
        ParameterPanel panel(m_catalog);
        panel.setServedByOpenAI(true);
        panel.setEndpoint(Endpoint::Edits);
        panel.setModel(u"gpt-image-1.5"_s);
        choose(panel, Param::InputFidelity, u"high"_s);
        choose(panel, Param::Quality, u"medium"_s);
        panel.setModel(u"gpt-image-1.5"_s); // shown again, as a restored recipe would be
        auto *switchButton = panel.findChild<QPushButton *>(u"switchToReplacement"_s);
        QVERIFY(switchButton);
        QVERIFY(!switchButton->isHidden());
        QCOMPARE(switchButton->text(), u"Switch to gpt-image-2.6-sunburst"_s);
        // What changes is said before the switch.
        QVERIFY2(switchButton->toolTip().contains(u"Input fidelity"_s),
                 qPrintable(switchButton->toolTip()));
        QVERIFY(!switchButton->toolTip().contains(u"Quality"_s));
        bool noteSaysIt = false;
        for (const QLabel *label : panel.findChildren<QLabel *>())
            noteSaysIt = noteSaysIt
                || (label->text().contains(u"OpenAI shut gpt-image-1.5 down on 2026-12-01"_s)
                    && label->text().contains(u"a request would fail"_s));
        QVERIFY(noteSaysIt);
        QSignalSpy status(&panel, &ParameterPanel::statusMessage);
        switchButton->click();
        QCOMPARE(panel.model(), u"gpt-image-2.6-sunburst"_s);
        QVERIFY(switchButton->isHidden());
        QCOMPARE(status.count(), 1);
        QVERIFY(status.first().first().toString().contains(u"Input fidelity"_s));
        QCOMPARE(panel.request().option(Param::Quality).toString(), u"medium"_s); // carried over
        QVERIFY(!panel.request().hasOption(Param::InputFidelity));
        // Away from OpenAI the note says it may still work there.
        panel.setModel(u"gpt-image-1.5"_s);
        panel.setServedByOpenAI(false);
        bool gatewayNote = false;
        for (const QLabel *label : panel.findChildren<QLabel *>())
            gatewayNote = gatewayNote || label->text().contains(u"still serves it"_s);
        QVERIFY(gatewayNote);
    }

    void newParametersRoundTrip()
    {
        ImageRequest svg;
        svg.model = u"gpt-image-2.6-flare"_s;
        svg.setOption(Param::OutputFormat, u"svg"_s);
        svg.setOption(Param::Complexity, u"high"_s);
        svg.setOption(Param::Svg,
                      QJsonObject {{u"model"_s, u"gpt-5.2"_s},
                                   {u"reasoning"_s, QJsonObject {{u"effort"_s, u"low"_s}}}});
        ParameterPanel panel(m_catalog);
        panel.applyRequest(svg);
        QCOMPARE(panel.request(), svg);

        ImageRequest gif;
        gif.model = u"gpt-image-2.6-sunburst"_s;
        gif.setOption(Param::OutputFormat, u"gif"_s);
        gif.setOption(Param::FrameCount, 12);
        gif.setOption(Param::FrameDurationMs, 80);
        panel.applyRequest(gif);
        QCOMPARE(panel.request(), gif);

        // gpt-image-2.5 has xhigh but neither complexity nor SVG.
        panel.setModel(u"gpt-image-2.5-sunburst"_s);
        QVERIFY(!panel.control(Param::Complexity)->isEnabled());
        QVERIFY(!panel.control(Param::FrameCount)->isEnabled());
        QVERIFY(panel.control(Param::Complexity)->toolTip().contains(u"gpt-image-2.6-flare"_s));
        choose(panel, Param::Quality, u"xhigh"_s);
        QCOMPARE(panel.request().option(Param::Quality).toString(), u"xhigh"_s);
        QVERIFY(!panel.request().hasOption(Param::FrameCount));
    }

    void recipeRoundTrip()
    {
        ImageRequest recipe;
        recipe.endpoint = Endpoint::Generations;
        recipe.model = u"gpt-image-2"_s;
        recipe.setOption(Param::Size, u"1536x864"_s);
        recipe.setOption(Param::Quality, u"medium"_s);
        recipe.setOption(Param::Stream, true);
        recipe.setOption(Param::PartialImages, 2);
        recipe.setOption(Param::OutputFormat, u"webp"_s);
        recipe.setOption(Param::OutputCompression, 60);
        recipe.setOption(Param::User, u"u-7"_s);
        ParameterPanel panel(m_catalog);
        panel.applyRequest(recipe);
        QCOMPARE(panel.request(), recipe);
    }
};

QTEST_MAIN(TestParameterPanel)
#include "tst_parameterpanel.moc"
