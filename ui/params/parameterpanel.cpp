#include "parameterpanel.h"

#include "model/parameters.h"
#include "parametertexts.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QToolButton>

#include <numeric>

using namespace Qt::StringLiterals;

namespace Atelier {

using namespace ParameterTexts;

ParameterPanel::ParameterPanel(const Catalog &catalog, QWidget *parent)
    : QWidget(parent)
    , m_catalog(catalog)
{
    m_form = new QFormLayout(this);
    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_endpointBox = new QComboBox(this);
    for (Endpoint endpoint : allEndpoints)
        m_endpointBox->addItem(endpointLabel(endpoint), int(endpoint));
    m_endpointBox->setToolTip(tr("Generate from a prompt, edit images (references and a mask), or "
                                 "make variations (dall-e-2)."));
    m_form->addRow(tr("Mode"), m_endpointBox);

    m_modelBox = new QComboBox(this);
    m_modelBox->setEditable(true); // a gateway's model the catalog does not know can be typed in
    m_modelBox->setInsertPolicy(QComboBox::NoInsert);
    m_modelBox->setToolTip(tr("The models that can do this. Type another name for a gateway's "
                              "model; only the API's own limits are checked for it."));
    m_form->addRow(tr("Model"), m_modelBox);
    m_modelNote = new QLabel(this);
    m_modelNote->setObjectName(u"modelNote"_s);
    m_modelNote->setWordWrap(true);
    m_modelNote->setVisible(false);
    m_form->addRow(QString(), m_modelNote);

    m_switchModel = new QPushButton(this);
    m_switchModel->setObjectName(u"switchToReplacement"_s);
    m_switchModel->setVisible(false);
    m_form->addRow(QString(), m_switchModel);
    connect(m_switchModel, &QPushButton::clicked, this, [this] {
        const QString replacement = m_catalog.spec(model()).replacement;
        if (!replacement.isEmpty())
            setModel(replacement);
    });

    auto *advancedToggle = new QToolButton(this);
    advancedToggle->setObjectName(u"advancedToggle"_s);
    advancedToggle->setText(tr("Advanced"));
    advancedToggle->setCheckable(true);
    advancedToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    advancedToggle->setArrowType(Qt::RightArrow);
    advancedToggle->setAutoRaise(true);
    advancedToggle->setToolTip(tr("Compression, moderation, delivery, ids and the SVG author: "
                                  "set once in a while."));
    auto *advanced = new QWidget(this);
    advanced->setObjectName(u"advanced"_s);
    m_advancedForm = new QFormLayout(advanced);
    m_advancedForm->setContentsMargins(0, 0, 0, 0);
    m_advancedForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    advanced->setVisible(false);
    connect(advancedToggle, &QToolButton::toggled, this, [advancedToggle, advanced](bool open) {
        advancedToggle->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
        advanced->setVisible(open);
    });

    buildRows();
    m_form->addRow(advancedToggle);
    m_form->addRow(advanced);
    fillModels();
    setModel(m_catalog.defaultModel(Endpoint::Generations));

    connect(m_endpointBox, &QComboBox::currentIndexChanged, this,
            [this] { setEndpoint(Endpoint(m_endpointBox->currentData().toInt())); });
    connect(m_modelBox, &QComboBox::currentTextChanged, this, [this] {
        if (!m_updating) {
            switchRememberedValues();
            applyRules(true);
            Q_EMIT changed();
        }
    });
}

void ParameterPanel::buildRows()
{
    for (const QString &name : panelParameters()) {
        Row row;
        row.label = new QLabel(labelFor(name), this);
        switch (rowKind(name)) {
        case ParameterKind::Choice: {
            auto *box = new QComboBox(this);
            box->setModel(new QStandardItemModel(box));
            connect(box, &QComboBox::currentIndexChanged, this, [this, name] {
                if (name == Param::Size)
                    m_customSize->setVisible(valueOf(Param::Size).toString() == CustomSize);
                if (!m_updating)
                    Q_EMIT changed();
            });
            row.control = box;
            break;
        }
        case ParameterKind::Integer: {
            auto *spin = new QSpinBox(this);
            spin->setSpecialValueText(tr("Default"));
            connect(spin, &QSpinBox::valueChanged, this, [this] {
                if (!m_updating)
                    Q_EMIT changed();
            });
            row.control = spin;
            break;
        }
        case ParameterKind::Boolean: {
            auto *check = new QCheckBox(this);
            connect(check, &QCheckBox::toggled, this, [this] {
                if (!m_updating)
                    Q_EMIT changed();
            });
            row.control = check;
            break;
        }
        default: {
            auto *edit = new QLineEdit(this);
            edit->setPlaceholderText(tr("Not sent"));
            connect(edit, &QLineEdit::textChanged, this, [this] {
                if (!m_updating)
                    Q_EMIT changed();
            });
            row.control = edit;
            break;
        }
        }
        row.label->setBuddy(row.control);
        row.control->setAccessibleName(labelFor(name));
        (isAdvanced(name) ? m_advancedForm : m_form)->addRow(row.label, row.control);
        m_rows.insert(name, row);
        if (name == Param::Size) {
            m_customSize = new QWidget(this);
            auto *layout = new QHBoxLayout(m_customSize);
            layout->setContentsMargins(0, 0, 0, 0);
            m_width = new QSpinBox(m_customSize);
            m_height = new QSpinBox(m_customSize);
            for (QSpinBox *spin : {m_width, m_height}) {
                spin->setRange(16, 3840);
                spin->setSingleStep(16);
                connect(spin, &QSpinBox::valueChanged, this, [this] {
                    if (!m_updating)
                        Q_EMIT changed();
                });
            }
            m_width->setValue(1536);
            m_height->setValue(864);
            m_width->setAccessibleName(tr("Width"));
            m_height->setAccessibleName(tr("Height"));
            layout->addWidget(m_width);
            layout->addWidget(new QLabel(u"×"_s, m_customSize));
            layout->addWidget(m_height);
            m_form->addRow(QString(), m_customSize);
            m_customSize->setVisible(false);
        }
    }
}

QStringList ParameterPanel::allValues(const QString &parameter) const
{
    // Every value any known model offers on this endpoint, so that the ones this model lacks can
    // be shown disabled rather than vanish.
    QStringList values;
    for (const QString &id : m_catalog.modelsFor(m_endpoint)) {
        if (const auto rule = m_catalog.allowed(id, m_endpoint, parameter)) {
            for (const QString &value : rule->values) {
                if (!values.contains(value))
                    values.append(value);
            }
        }
    }
    return values;
}

void ParameterPanel::fillModels()
{
    const QString current = m_modelBox->currentText();
    const QDate today = QDate::currentDate();
    m_updating = true;
    m_modelBox->clear();
    // The models OpenAI serves first; those it shut down after them, greyed (a gateway may
    // still serve them, so they stay choosable).
    QStringList served;
    QStringList shutDown;
    for (const QString &id : m_catalog.modelsFor(m_endpoint))
        (m_catalog.spec(id).isShutDown(today) ? shutDown : served).append(id);
    for (const QString &id : served + shutDown) {
        const ModelSpec spec = m_catalog.spec(id);
        if (id == shutDown.value(0) && !served.isEmpty())
            m_modelBox->insertSeparator(m_modelBox->count());
        m_modelBox->addItem(id);
        const int index = m_modelBox->count() - 1;
        QString tip = spec.displayName;
        if (spec.isShutDown(today)) {
            tip += u"\n"_s
                + tr("OpenAI shut it down on %1.").arg(spec.shutdownDate.toString(Qt::ISODate));
            m_modelBox->setItemData(index, palette().color(QPalette::Disabled, QPalette::Text),
                                    Qt::ForegroundRole);
        } else if (spec.daysUntilShutdown(today) >= 0) {
            tip += u"\n"_s
                + tr("OpenAI shuts it down on %1.").arg(spec.shutdownDate.toString(Qt::ISODate));
        }
        if (!spec.lifecycleNote.isEmpty())
            tip += u"\n"_s + spec.lifecycleNoteText();
        m_modelBox->setItemData(index, tip, Qt::ToolTipRole);
    }
    m_updating = false;
    if (!current.isEmpty())
        setModel(current);
}

void ParameterPanel::setServedByOpenAI(bool servedByOpenAI)
{
    m_servedByOpenAI = servedByOpenAI;
    applyRules(false);
}

QStringList ParameterPanel::lostBySwitching(const QString &to) const
{
    QStringList lost;
    for (const QString &name : panelParameters()) {
        const QJsonValue value = valueOf(name);
        if (value.isNull() || value.isUndefined() || !control(name)->isEnabled())
            continue;
        const std::optional<ParameterRule> rule = ruleFor(to, name);
        const bool kept = rule
            && (rule->kind != ParameterKind::Choice || !value.isString()
                || rule->values.contains(value.toString())
                || (name == Param::Size && value.toString() == CustomSize
                    && rule->freeSize.enabled));
        if (!kept)
            lost.append(labelFor(name));
    }
    return lost;
}

std::optional<ParameterRule> ParameterPanel::ruleFor(const QString &modelName,
                                                     const QString &name) const
{
    if (name == SvgModel || name == SvgEffort) {
        const std::optional<ParameterRule> svg
            = m_catalog.allowed(modelName, m_endpoint, Param::Svg);
        if (!svg)
            return std::nullopt;
        if (name == SvgModel) {
            const ParameterRule *field = svg->field(u"model"_s);
            return field ? std::optional<ParameterRule>(*field) : std::nullopt;
        }
        const ParameterRule *reasoning = svg->field(u"reasoning"_s);
        const ParameterRule *effort = reasoning ? reasoning->field(u"effort"_s) : nullptr;
        return effort ? std::optional<ParameterRule>(*effort) : std::nullopt;
    }
    return m_catalog.allowed(modelName, m_endpoint, name);
}

QString ParameterPanel::model() const
{
    return m_modelBox->currentText().trimmed();
}

void ParameterPanel::setModel(const QString &model)
{
    m_updating = true;
    const int index = m_modelBox->findText(model);
    if (index >= 0)
        m_modelBox->setCurrentIndex(index);
    else
        m_modelBox->setEditText(model);
    m_updating = false;
    switchRememberedValues();
    applyRules(true);
    Q_EMIT changed();
}

QJsonObject ParameterPanel::values() const
{
    QJsonObject values;
    for (const QString &name : panelParameters()) {
        QJsonValue value = valueOf(name);
        if (name == Param::Size && value.toString() == CustomSize)
            value = u"%1x%2"_s.arg(m_width->value()).arg(m_height->value());
        if (!value.isNull() && !value.isUndefined())
            values.insert(name, value);
    }
    return values;
}

void ParameterPanel::switchRememberedValues()
{
    const QString shown = model();
    if (shown == m_shownModel)
        return;
    // A model on which nothing was set keeps no memory: what is set carries over to it.
    if (const QJsonObject set = values(); !m_shownModel.isEmpty() && !set.isEmpty())
        m_remembered.insert(m_shownModel, set);
    else
        m_remembered.remove(m_shownModel);
    m_shownModel = shown;
    const auto remembered = m_remembered.constFind(shown);
    if (remembered == m_remembered.cend())
        return;
    const bool updating = m_updating;
    m_updating = true;
    for (const QString &name : panelParameters())
        setValue(name, remembered->value(name));
    m_updating = updating;
}

void ParameterPanel::setEndpoint(Endpoint endpoint)
{
    const bool changedEndpoint = endpoint != m_endpoint;
    m_endpoint = endpoint;
    m_updating = true;
    m_endpointBox->setCurrentIndex(m_endpointBox->findData(int(endpoint)));
    m_updating = false;
    if (!changedEndpoint)
        return;
    const QString previous = model();
    fillModels();
    if (!m_catalog.spec(previous).serves(endpoint) && m_modelBox->count() > 0) {
        const QString replacement = m_modelBox->itemText(0);
        Q_EMIT statusMessage(tr("%1 cannot %2, so the model is now %3.")
                                 .arg(previous, endpointVerb(endpoint), replacement));
        setModel(replacement);
    } else {
        applyRules(true);
    }
    Q_EMIT changed();
}

QWidget *ParameterPanel::control(const QString &parameter) const
{
    return m_rows.value(parameter).control;
}

QLabel *ParameterPanel::label(const QString &parameter) const
{
    return m_rows.value(parameter).label;
}

QJsonValue ParameterPanel::valueOf(const QString &parameter) const
{
    QWidget *widget = control(parameter);
    if (auto *box = qobject_cast<QComboBox *>(widget))
        return box->currentData().isValid() ? QJsonValue(box->currentData().toString())
                                            : QJsonValue();
    if (auto *spin = qobject_cast<QSpinBox *>(widget))
        return spin->value() == spin->minimum() ? QJsonValue() : QJsonValue(spin->value());
    if (auto *check = qobject_cast<QCheckBox *>(widget))
        return check->isChecked() ? QJsonValue(true) : QJsonValue();
    if (auto *edit = qobject_cast<QLineEdit *>(widget))
        return edit->text().trimmed().isEmpty() ? QJsonValue() : QJsonValue(edit->text().trimmed());
    return {};
}

void ParameterPanel::setValue(const QString &parameter, const QJsonValue &value)
{
    QWidget *widget = control(parameter);
    if (auto *box = qobject_cast<QComboBox *>(widget)) {
        int index = value.isString() ? box->findData(value.toString()) : 0;
        if (index < 0 && parameter == Param::Size && m_customSize) {
            const QStringList parts = value.toString().split(u'x');
            index = box->findData(CustomSize);
            if (index >= 0 && parts.size() == 2) {
                m_width->setValue(parts[0].toInt());
                m_height->setValue(parts[1].toInt());
            }
        }
        box->setCurrentIndex(std::max(0, index));
    } else if (auto *spin = qobject_cast<QSpinBox *>(widget)) {
        spin->setValue(value.isDouble() ? value.toInt() : spin->minimum());
    } else if (auto *check = qobject_cast<QCheckBox *>(widget)) {
        check->setChecked(value.toBool(false));
    } else if (auto *edit = qobject_cast<QLineEdit *>(widget)) {
        edit->setText(value.toString());
    }
}

void ParameterPanel::setSize(const QString &size)
{
    setValue(Param::Size, size.isEmpty() ? QJsonValue() : QJsonValue(size));
}

void ParameterPanel::resetValue(const QString &parameter)
{
    setValue(parameter, QJsonValue());
}

void ParameterPanel::applyRules(bool announce)
{
    const QString modelName = model();
    const ModelSpec spec = m_catalog.spec(modelName);
    const QDate today = QDate::currentDate();
    QString note = spec.known
        ? spec.lifecycleNoteText()
        : tr("%1 is not in the catalog: only the API's own limits are checked.").arg(modelName);
    const bool offerSwitch = spec.known && !spec.replacement.isEmpty()
        && m_catalog.contains(spec.replacement)
        && (spec.isShutDown(today) || spec.daysUntilShutdown(today) >= 0);
    if (spec.known && spec.isShutDown(today)) {
        note = m_servedByOpenAI
            ? tr("OpenAI shut %1 down on %2: a request would fail.")
                  .arg(modelName, spec.shutdownDate.toString(Qt::ISODate))
            : tr("OpenAI shut %1 down on %2; it works only where your provider still serves it.")
                  .arg(modelName, spec.shutdownDate.toString(Qt::ISODate));
    } else if (spec.known && spec.daysUntilShutdown(today) >= 0) {
        note = tr("OpenAI shuts %1 down on %2 (in %n day(s)).", nullptr,
                  int(spec.daysUntilShutdown(today)))
                   .arg(modelName, spec.shutdownDate.toString(Qt::ISODate));
    }
    m_switchModel->setVisible(offerSwitch);
    if (offerSwitch) {
        // Say what the switch changes before it is made: never a silent switch.
        const QStringList lost = lostBySwitching(spec.replacement);
        m_switchModel->setText(tr("Switch to %1").arg(spec.replacement));
        const QString changes = lost.isEmpty()
            ? tr("Everything you set carries over.")
            : tr("%1 does not take: %2; they go back to the default.")
                  .arg(spec.replacement, lost.join(u", "_s));
        m_switchModel->setToolTip(changes);
        note += u' ' + tr("%1 replaces it. %2").arg(spec.replacement, changes);
    }
    m_modelNote->setText(note);
    m_modelNote->setVisible(!m_modelNote->text().isEmpty());
    QStringList adjusted;
    m_updating = true;
    for (const QString &name : panelParameters()) {
        const Row &row = m_rows[name];
        const QJsonValue before = valueOf(name);
        const std::optional<ParameterRule> rule = ruleFor(modelName, name);
        row.control->setEnabled(rule.has_value());
        row.label->setEnabled(rule.has_value());
        if (!rule) {
            QStringList others;
            for (const QString &id : m_catalog.modelsFor(m_endpoint)) {
                if (ruleFor(id, name) && !m_catalog.spec(id).isShutDown(today))
                    others.append(id);
            }
            const QString why = others.isEmpty()
                ? tr("%1 does not take this parameter here.").arg(modelName)
                : tr("%1 does not support this; %2 do.").arg(modelName, others.join(u", "_s));
            row.control->setToolTip(why);
            if (!before.isNull() && !before.isUndefined()) {
                resetValue(name);
                adjusted.append(
                    tr("%1 was cleared (%2 does not support it)").arg(labelFor(name), modelName));
            }
            continue;
        }
        row.control->setToolTip(describe(name));
        if (auto *box = qobject_cast<QComboBox *>(row.control)) {
            auto *items = static_cast<QStandardItemModel *>(box->model());
            items->clear();
            // One "Auto": a default of auto is the Auto item, not a second one beside it.
            const QString defaultValue = rule->defaultValue.toString();
            const QString defaultText = !rule->defaultValue.isString() ? tr("Default")
                : defaultValue == u"auto"
                ? friendlyValue(name, defaultValue)
                : tr("Default (%1)").arg(friendlyValue(name, defaultValue));
            auto *defaultItem = new QStandardItem(defaultText);
            defaultItem->setToolTip(tr("Not sent: the API decides."));
            items->appendRow(defaultItem);
            // This model's values first, in its order; then what other models offer, disabled.
            QStringList values = rule->values;
            for (const QString &value : allValues(name)) {
                if (!values.contains(value))
                    values.append(value);
            }
            if (defaultValue == u"auto")
                values.removeAll(defaultValue);
            for (const QString &value : std::as_const(values)) {
                auto *item = new QStandardItem(friendlyValue(name, value));
                item->setData(value, Qt::UserRole);
                if (!rule->values.contains(value)) {
                    item->setEnabled(false);
                    item->setToolTip(tr("%1 does not offer %2.").arg(modelName, value));
                } else if (rule->preview.contains(value)) {
                    item->setText(tr("%1 (preview)").arg(friendlyValue(name, value)));
                }
                if (item->text() != value)
                    item->setToolTip(item->toolTip().isEmpty() ? value
                                                               : value + u'\n' + item->toolTip());
                items->appendRow(item);
            }
            if (name == Param::Size && rule->freeSize.enabled) {
                auto *custom = new QStandardItem(tr("Custom…"));
                custom->setData(CustomSize, Qt::UserRole);
                custom->setToolTip(rule->freeSize.explain);
                items->appendRow(custom);
                m_width->setToolTip(rule->freeSize.explain);
                m_height->setToolTip(rule->freeSize.explain);
            }
            // Restore the value if the new model has it; otherwise announce the reset.
            const QString text = before.toString();
            int index = before.isString() ? box->findData(text) : 0;
            if (before.isString() && text == defaultValue && index < 0)
                index = 0; // an explicit "auto" is the Auto item
            if (before.isString() && (index < 0 || !items->item(index)->isEnabled())) {
                index = 0;
                adjusted.append(tr("%1 %2 became the default (%3 does not offer it)")
                                    .arg(labelFor(name), text, modelName));
            }
            box->setCurrentIndex(std::max(0, index));
            if (name == Param::Size)
                m_customSize->setVisible(valueOf(Param::Size).toString() == CustomSize);
        } else if (auto *spin = qobject_cast<QSpinBox *>(row.control)) {
            spin->setRange(rule->minimum - 1, rule->maximum);
            if (before.isDouble()
                && (before.toInt() < rule->minimum || before.toInt() > rule->maximum)) {
                spin->setValue(spin->minimum());
                adjusted.append(tr("%1 became the default (%2 allows %3 to %4)")
                                    .arg(labelFor(name), modelName)
                                    .arg(rule->minimum)
                                    .arg(rule->maximum));
            } else {
                spin->setValue(before.isDouble() ? before.toInt() : spin->minimum());
            }
        }
    }
    m_updating = false;
    if (announce && !adjusted.isEmpty())
        Q_EMIT statusMessage(tr("Switched to %1: %2.").arg(modelName, adjusted.join(u"; "_s)));
}

ImageRequest ParameterPanel::request() const
{
    ImageRequest request;
    request.endpoint = m_endpoint;
    request.model = model();
    QJsonObject svg;
    for (const QString &name : panelParameters()) {
        if (!control(name)->isEnabled())
            continue;
        QJsonValue value = valueOf(name);
        if (name == Param::Size && value.toString() == CustomSize)
            value = u"%1x%2"_s.arg(m_width->value()).arg(m_height->value());
        if (value.isNull() || value.isUndefined())
            continue;
        if (name == SvgModel)
            svg.insert(u"model"_s, value);
        else if (name == SvgEffort)
            svg.insert(u"reasoning"_s, QJsonObject {{u"effort"_s, value}});
        else
            request.setOption(name, value);
    }
    if (!svg.isEmpty())
        request.setOption(Param::Svg, svg);
    return request;
}

void ParameterPanel::refreshModels()
{
    fillModels();
    applyRules(false);
    Q_EMIT changed();
}

void ParameterPanel::applyRequest(const ImageRequest &request)
{
    setEndpoint(request.endpoint);
    setModel(request.model.isEmpty() ? m_catalog.defaultModel(request.endpoint) : request.model);
    m_updating = true;
    const QJsonObject svg = request.option(Param::Svg).toObject();
    for (const QString &name : panelParameters()) {
        if (name == SvgModel)
            setValue(name, svg.value(u"model"_s));
        else if (name == SvgEffort)
            setValue(name, svg.value(u"reasoning"_s).toObject().value(u"effort"_s));
        else
            setValue(name, request.option(name));
    }
    m_updating = false;
    applyRules(true);
    Q_EMIT changed();
}

} // namespace Atelier
