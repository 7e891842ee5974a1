#include "requestvalidator.h"

#include "catalog.h"
#include "imaging/imagefileinfo.h"
#include "model/imagerequest.h"
#include "model/parameters.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Atelier {

namespace {

QString joinValues(const QStringList &values)
{
    return values.join(u", "_s);
}

// How a value reads in a message: the text that would be sent, or "(unset)".
QString jsonToText(const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        return u"(unset)"_s;
    return ImageRequest::optionText(value);
}

QStringList jsonArrayToText(const QJsonArray &array)
{
    QStringList texts;
    for (const QJsonValue &value : array)
        texts.append(jsonToText(value));
    return texts;
}

std::optional<QSize> parseSize(const QString &text)
{
    static const QRegularExpression pattern(u"^([1-9][0-9]{0,5})x([1-9][0-9]{0,5})$"_s);
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    return QSize(match.captured(1).toInt(), match.captured(2).toInt());
}

qint64 characterCount(const QString &text)
{
    qint64 count = 0;
    for (const QChar c : text) {
        if (!c.isLowSurrogate())
            ++count;
    }
    return count;
}

int roundToMultiple(int value, int multiple)
{
    return std::max(multiple, int(std::lround(double(value) / multiple)) * multiple);
}

// Collects violations for one request; one method per kind of check.
class Check
{
    Q_DECLARE_TR_FUNCTIONS(Atelier::RequestValidator)

public:
    Check(const Catalog &catalog, const ImageRequest &request, const ValidationContext &context)
        : m_catalog(catalog)
        , m_request(request)
        , m_context(context)
        , m_model(Catalog::effectiveModel(request))
        , m_spec(catalog.spec(m_model))
    { }

    QList<Violation> run()
    {
        checkModel();
        m_rules = m_spec.rulesFor(m_request.endpoint);
        if (!m_rules) {
            const QStringList others = m_catalog.modelsFor(m_request.endpoint);
            error(Param::Model,
                  tr("%1 cannot %2; choose one of: %3.")
                      .arg(m_model, endpointVerb(m_request.endpoint), joinValues(others)));
            return m_violations;
        }
        checkPrompt();
        for (auto it = m_request.options.cbegin(); it != m_request.options.cend(); ++it)
            checkOption(it.key(), it.value());
        for (auto it = m_request.options.cbegin(); it != m_request.options.cend(); ++it)
            checkRequirements(it.key(), it.value());
        for (auto it = m_request.options.cbegin(); it != m_request.options.cend(); ++it)
            checkConflicts(it.key(), it.value());
        checkImages();
        checkMask();
        checkMarkup();
        return m_violations;
    }

private:
    void error(const QString &parameter, const QString &message)
    {
        m_violations.append({Violation::Severity::Error, parameter, message});
    }
    void warning(const QString &parameter, const QString &message)
    {
        m_violations.append({Violation::Severity::Warning, parameter, message});
    }

    void checkModel()
    {
        if (!m_spec.known) {
            warning(Param::Model,
                    tr("%1 is not in Atelier's model catalog, so only the API's own limits are "
                       "checked; add it to %2 to get its rules.")
                        .arg(m_model, Catalog::defaultOverlayPath()));
        } else if (m_spec.isShutDown(m_context.today)) {
            const QString date = m_spec.shutdownDate.toString(Qt::ISODate);
            const QString instead = m_spec.replacement.isEmpty()
                ? tr("choose another model")
                : tr("switch to %1, which replaces it").arg(m_spec.replacement);
            if (m_context.servedByOpenAI)
                error(Param::Model,
                      tr("OpenAI shut %1 down on %2, so the request would fail; %3.")
                          .arg(m_model, date, instead));
            else
                warning(Param::Model,
                        tr("OpenAI shut %1 down on %2; it works only where your "
                           "provider still serves it (otherwise %3).")
                            .arg(m_model, date, instead));
        } else if (const qint64 days = m_spec.daysUntilShutdown(m_context.today);
                   days >= 0 && days <= 30) {
            warning(Param::Model,
                    m_spec.replacement.isEmpty()
                        ? tr("OpenAI shuts %1 down on %2 (in %n day(s)).", nullptr, int(days))
                              .arg(m_model, m_spec.shutdownDate.toString(Qt::ISODate))
                        : tr("OpenAI shuts %1 down on %2 (in %n day(s)); %3 replaces it.", nullptr,
                             int(days))
                              .arg(m_model, m_spec.shutdownDate.toString(Qt::ISODate),
                                   m_spec.replacement));
        } else if (m_spec.lifecycleStatus == u"retired"
                   || m_spec.lifecycleStatus == u"deprecated") {
            warning(Param::Model,
                    m_spec.lifecycleNote.isEmpty()
                        ? tr("%1 is %2.").arg(m_model, m_spec.lifecycleStatus)
                        : m_spec.lifecycleNoteText());
        }
    }

    void checkPrompt()
    {
        const ParameterRule *rule = m_rules->rule(Param::Prompt);
        if (!rule) {
            if (!m_request.prompt.isEmpty())
                error(Param::Prompt,
                      tr("Variations take no prompt; clear the prompt or switch "
                         "to an edit."));
            return;
        }
        if (m_request.prompt.trimmed().isEmpty()) {
            error(Param::Prompt, tr("The prompt is empty; describe the image you want."));
            return;
        }
        const qint64 length = characterCount(m_request.prompt);
        if (rule->maxLength > 0 && length > rule->maxLength) {
            error(Param::Prompt,
                  tr("The prompt has %1 characters but %2 accepts at most %3; "
                     "shorten it by %4.")
                      .arg(length)
                      .arg(m_model)
                      .arg(rule->maxLength)
                      .arg(length - rule->maxLength));
        }
    }

    QStringList modelsSupporting(const QString &parameter) const
    {
        QStringList models;
        for (const QString &id : m_catalog.modelsFor(m_request.endpoint)) {
            if (m_catalog.allowed(id, m_request.endpoint, parameter))
                models.append(id);
        }
        return models;
    }

    void checkOption(const QString &name, const QJsonValue &value)
    {
        if (!isKnownParameter(name) || name == Param::Prompt || name == Param::Image
            || name == Param::Mask || name == Param::Markup) {
            error(name, tr("The Images API has no parameter \"%1\"; remove it.").arg(name));
            return;
        }
        const ParameterRule *rule = m_rules->rule(name);
        if (!rule) {
            const QStringList others = modelsSupporting(name);
            if (others.isEmpty())
                error(name,
                      tr("%1 does not support %2 when asked to %3; remove it.")
                          .arg(m_model, name, endpointVerb(m_request.endpoint)));
            else
                error(name,
                      tr("%1 does not support %2 (%3 do); remove it or switch models.")
                          .arg(m_model, name, joinValues(others)));
            return;
        }
        checkValue(*rule, name, value);
    }

    // One value against its rule; `name` is how messages call it (svg.reasoning.effort).
    void checkValue(const ParameterRule &rule, const QString &name, const QJsonValue &value)
    {
        switch (rule.kind) {
        case ParameterKind::Object:
            checkObject(rule, name, value);
            break;
        case ParameterKind::Integer:
            checkInteger(rule, value);
            break;
        case ParameterKind::Boolean:
            if (!value.isBool())
                error(name,
                      tr("%1 must be true or false, not \"%2\".").arg(name, jsonToText(value)));
            break;
        case ParameterKind::Choice:
            checkChoice(rule, value);
            break;
        case ParameterKind::Text:
            if (!value.isString())
                error(name, tr("%1 must be text.").arg(name));
            break;
        case ParameterKind::Files:
            break;
        }
    }

    void checkObject(const ParameterRule &rule, const QString &path, const QJsonValue &value)
    {
        QStringList fieldNames;
        for (const ParameterRule &field : rule.fields)
            fieldNames.append(field.name);
        if (!value.isObject()) {
            error(path, tr("%1 must be an object with %2.").arg(path, joinValues(fieldNames)));
            return;
        }
        const QJsonObject object = value.toObject();
        for (const ParameterRule &field : rule.fields) {
            if (field.required
                && (!object.contains(field.name) || object.value(field.name).isNull()))
                error(
                    path + u'.' + field.name,
                    tr("%1 needs %2 when it is sent (%3 requires it here); add it or leave %1 out.")
                        .arg(path, field.name, m_model));
        }
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            const QString fieldPath = path + u'.' + it.key();
            const ParameterRule *field = rule.field(it.key());
            if (!field) {
                error(fieldPath,
                      tr("%1 has no field \"%2\"; it takes %3.")
                          .arg(path, it.key(), joinValues(fieldNames)));
                continue;
            }
            if (it.value().isNull())
                continue; // null: the API's default, as the SDK allows
            ParameterRule named = *field;
            named.name = fieldPath;
            checkValue(named, fieldPath, it.value());
        }
    }

    void checkInteger(const ParameterRule &rule, const QJsonValue &value)
    {
        const double number = value.toDouble(std::nan(""));
        if (!value.isDouble() || std::isnan(number) || number != std::floor(number)) {
            error(rule.name,
                  tr("%1 must be a whole number, not \"%2\".").arg(rule.name, jsonToText(value)));
            return;
        }
        if (number >= rule.minimum && number <= rule.maximum) {
            if (rule.capAt > 0 && number > rule.capAt)
                warning(rule.name,
                        tr("%1 %2 is more than %3 uses; it is capped at %4.")
                            .arg(rule.name, jsonToText(value), m_model)
                            .arg(rule.capAt));
            else if (rule.roundsTo > 1 && qint64(number) % rule.roundsTo != 0)
                warning(rule.name,
                        tr("%1 %2 is rounded to the nearest multiple of %3.")
                            .arg(rule.name, jsonToText(value))
                            .arg(rule.roundsTo));
            return;
        }
        if (rule.name == Param::N) {
            if (rule.maximum == 1)
                error(rule.name, tr("%1 makes one image per request; set n to 1.").arg(m_model));
            else if (rule.minimum == rule.maximum)
                error(rule.name,
                      tr("%1 makes exactly %2 images per request; set n to %2.")
                          .arg(m_model)
                          .arg(rule.maximum));
            else
                error(rule.name,
                      tr("%1 makes %2 to %3 images per request; set n between %2 and "
                         "%3.")
                          .arg(m_model)
                          .arg(rule.minimum)
                          .arg(rule.maximum));
            return;
        }
        error(rule.name,
              tr("%1 must be between %2 and %3 for %4; %5 is out of range.")
                  .arg(rule.name)
                  .arg(rule.minimum)
                  .arg(rule.maximum)
                  .arg(m_model, jsonToText(value)));
    }

    void checkChoice(const ParameterRule &rule, const QJsonValue &value)
    {
        if (!value.isString()) {
            error(rule.name,
                  tr("%1 must be text such as \"%2\", not %3.")
                      .arg(rule.name, rule.values.value(0), jsonToText(value)));
            return;
        }
        const QString text = value.toString();
        if (rule.values.contains(text)) {
            if (rule.preview.contains(text))
                warning(rule.name,
                        tr("%1 \"%2\" is a preview feature on %3; results may vary.")
                            .arg(rule.name, text, m_model));
            return;
        }
        if (rule.freeSize.enabled) {
            checkFreeSize(rule, text);
            return;
        }
        error(rule.name,
              tr("%1 does not offer %2 \"%3\"; use one of: %4.")
                  .arg(m_model, rule.name, text, joinValues(rule.values)));
    }

    void checkFreeSize(const ParameterRule &rule, const QString &text)
    {
        const FreeSizeRule &free = rule.freeSize;
        const std::optional<QSize> size = parseSize(text);
        if (!size) {
            error(rule.name,
                  tr("size \"%1\" is not WIDTHxHEIGHT; %2 accepts %3, or one of: %4.")
                      .arg(text, m_model, free.explain, joinValues(rule.values)));
            return;
        }
        const int width = size->width();
        const int height = size->height();
        if (width % free.multipleOf != 0 || height % free.multipleOf != 0) {
            error(rule.name,
                  tr("size %1: width and height must both be multiples of %2 for %3; "
                     "the nearest valid size is %4x%5.")
                      .arg(text)
                      .arg(free.multipleOf)
                      .arg(m_model)
                      .arg(roundToMultiple(width, free.multipleOf))
                      .arg(roundToMultiple(height, free.multipleOf)));
            return;
        }
        const double aspect = double(width) / height;
        if ((free.minAspect > 0 && aspect < free.minAspect - 1e-9)
            || (free.maxAspect > 0 && aspect > free.maxAspect + 1e-9)) {
            error(rule.name,
                  tr("size %1 is too narrow or too wide for %2: the aspect ratio must "
                     "be between 1:3 and 3:1.")
                      .arg(text, m_model));
            return;
        }
        const qint64 pixels = qint64(width) * height;
        if ((free.maxEdge > 0 && std::max(width, height) > free.maxEdge)
            || (free.maxPixels > 0 && pixels > free.maxPixels)) {
            error(rule.name,
                  tr("size %1 is too large for %2, which accepts %3.")
                      .arg(text, m_model, free.explain));
            return;
        }
        if (free.experimentalAbovePixels > 0 && pixels > free.experimentalAbovePixels)
            warning(rule.name,
                    tr("size %1 is above 2560x1440, which %2 treats as experimental.")
                        .arg(text, m_model));
    }

    QJsonValue effectiveValue(const QString &name) const
    {
        if (m_request.hasOption(name))
            return m_request.option(name);
        const ParameterRule *rule = m_rules->rule(name);
        return rule ? rule->defaultValue : QJsonValue();
    }

    void checkRequirements(const QString &name, const QJsonValue &value)
    {
        const ParameterRule *rule = m_rules->rule(name);
        if (!rule)
            return;
        for (const Requirement &requirement : rule->requirements) {
            const bool applies
                = requirement.whenValue == u"*" || requirement.whenValue == jsonToText(value);
            if (!applies)
                continue;
            const QJsonValue other = effectiveValue(requirement.other);
            if (requirement.allowed.contains(other))
                continue;
            const QString allowed = jsonArrayToText(requirement.allowed).join(tr(" or "));
            const QString current = m_request.hasOption(requirement.other)
                ? tr("it is %1").arg(jsonToText(other))
                : tr("it is unset (%1 by default)").arg(jsonToText(other));
            if (requirement.whenValue == u"*")
                error(name,
                      tr("%1 only applies when %2 is %3, but %4; set %2 to %3 or remove %1.")
                          .arg(name, requirement.other, allowed, current));
            else
                error(name,
                      tr("%1 \"%2\" needs %3 to be %4, but %5; set %3 to %4.")
                          .arg(name, requirement.whenValue, requirement.other, allowed, current));
        }
    }

    // Whether the request sets `name` in a way that counts: files by their path, a stream by
    // being on, anything else by being present.
    bool isSet(const QString &name) const
    {
        if (name == Param::Mask)
            return !m_request.mask.isEmpty();
        if (name == Param::Markup)
            return !m_request.markup.isEmpty();
        if (!m_request.hasOption(name))
            return false;
        const QJsonValue value = m_request.option(name);
        return !(value.isBool() && !value.toBool()) && !value.isNull();
    }

    void checkConflicts(const QString &name, const QJsonValue &value)
    {
        const ParameterRule *rule = m_rules->rule(name);
        if (!rule || rule->conflicts.isEmpty())
            return;
        const QString text = jsonToText(value);
        const QStringList others = rule->conflicts.value(text) + rule->conflicts.value(u"*"_s);
        for (const QString &other : others) {
            if (!isSet(other))
                continue;
            if (other == Param::Mask)
                error(name,
                      tr("%1 \"%2\" cannot be combined with a mask; remove the mask or "
                         "choose another %1.")
                          .arg(name, text));
            else if (other == Param::Markup)
                error(name,
                      tr("%1 \"%2\" cannot be combined with markup; remove the markup or "
                         "choose another %1.")
                          .arg(name, text));
            else
                error(other,
                      tr("%1 cannot be used with %2 \"%3\"; remove %1 or choose another "
                         "%2.")
                          .arg(other, name, text));
        }
    }

    void checkMarkup()
    {
        if (m_request.markup.isEmpty())
            return;
        const ParameterRule *rule = m_rules->rule(Param::Markup);
        if (!rule) {
            const QStringList others = modelsSupporting(Param::Markup);
            error(Param::Markup,
                  others.isEmpty() ? tr("%1 takes no markup when asked to %2; remove it.")
                                         .arg(m_model, endpointVerb(m_request.endpoint))
                                   : tr("%1 takes no markup (%2 do); remove it or switch models.")
                                         .arg(m_model, joinValues(others)));
            return;
        }
        if (!m_request.mask.isEmpty())
            error(Param::Markup,
                  tr("Markup and a mask cannot be sent together; keep one of them."));
        const ImageFileInfo markup = checkFile(*rule, Param::Markup, m_request.markup, true);
        if (!markup.readable)
            return;
        if (!markup.hasAlpha) {
            error(Param::Markup,
                  tr("The markup has no transparent pixels; draw the marks on a "
                     "transparent layer and save it as a PNG with transparency."));
        }
        if (m_request.images.isEmpty())
            return;
        const ImageFileInfo first = ImageFileInfo::inspect(m_request.images.constFirst());
        if (first.readable && first.size != markup.size) {
            error(Param::Markup,
                  tr("The markup is %1x%2 but the first input image is %3x%4; "
                     "they must be the same size.")
                      .arg(markup.size.width())
                      .arg(markup.size.height())
                      .arg(first.size.width())
                      .arg(first.size.height()));
        }
    }

    void checkImages()
    {
        const ParameterRule *rule = m_rules->rule(Param::Image);
        const QStringList &images = m_request.images;
        if (!rule) {
            if (!images.isEmpty())
                error(Param::Image,
                      tr("Generations take no input images; switch to an edit to "
                         "use them as references."));
            return;
        }
        if (images.size() < rule->minCount) {
            error(Param::Image,
                  tr("An input image is needed to %1; add one.")
                      .arg(endpointVerb(m_request.endpoint)));
            return;
        }
        if (images.size() > rule->maxCount) {
            const QString limit = rule->maxCount == 1
                ? tr("one input image")
                : tr("at most %1 input images").arg(rule->maxCount);
            error(Param::Image,
                  tr("%1 takes %2, but %3 were given; remove %4.")
                      .arg(m_model, limit)
                      .arg(images.size())
                      .arg(images.size() - rule->maxCount));
        }
        for (const QString &path : images)
            checkFile(*rule, Param::Image, path, /*checkAlpha=*/false);
    }

    // Returns the inspected file, for the mask's size comparison.
    ImageFileInfo checkFile(const ParameterRule &rule, const QString &parameter,
                            const QString &path, bool checkAlpha)
    {
        const QString name = QFileInfo(path).fileName();
        const QString what = parameter == Param::Mask ? tr("The mask %1").arg(name)
            : parameter == Param::Markup              ? tr("The markup %1").arg(name)
                                                      : tr("The input image %1").arg(name);
        ImageFileInfo info = ImageFileInfo::inspect(path, checkAlpha);
        if (!info.exists || !info.readable) {
            error(parameter, tr("%1 cannot be used: %2.").arg(what, info.error));
            return info;
        }
        if (!rule.formats.isEmpty() && !rule.formats.contains(info.format)) {
            error(parameter,
                  tr("%1 is %2, but %3 accepts %4 here; convert it.")
                      .arg(what, info.format.toUpper(), m_model,
                           rule.formats.join(u'|').toUpper().split(u'|').join(tr(" or "))));
        }
        if (rule.maxBytes > 0 && info.bytes >= rule.maxBytes) {
            error(parameter,
                  tr("%1 is %2, but %3 accepts files under %4; make it smaller.")
                      .arg(what, formatBytes(info.bytes), m_model, formatBytes(rule.maxBytes)));
        }
        if (rule.square && info.size.width() != info.size.height()) {
            error(parameter,
                  tr("%1 is %2x%3, but %4 needs a square image; crop it.")
                      .arg(what)
                      .arg(info.size.width())
                      .arg(info.size.height())
                      .arg(m_model));
        }
        return info;
    }

    void checkMask()
    {
        if (m_request.mask.isEmpty())
            return;
        const ParameterRule *rule = m_rules->rule(Param::Mask);
        if (!rule) {
            error(Param::Mask,
                  tr("%1 takes no mask when asked to %2; remove it.")
                      .arg(m_model, endpointVerb(m_request.endpoint)));
            return;
        }
        const ImageFileInfo mask = checkFile(*rule, Param::Mask, m_request.mask, true);
        if (!mask.readable)
            return;
        if (!mask.hasAlpha) {
            error(Param::Mask,
                  tr("The mask has no alpha channel; the API edits where the mask is "
                     "transparent, so save it with transparency."));
        }
        if (m_request.images.isEmpty())
            return;
        const ImageFileInfo first = ImageFileInfo::inspect(m_request.images.constFirst());
        if (first.readable && first.size != mask.size) {
            error(Param::Mask,
                  tr("The mask is %1x%2 but the first input image is %3x%4; they "
                     "must be the same size.")
                      .arg(mask.size.width())
                      .arg(mask.size.height())
                      .arg(first.size.width())
                      .arg(first.size.height()));
        }
    }

    const Catalog &m_catalog;
    const ImageRequest &m_request;
    const ValidationContext &m_context;
    QString m_model;
    ModelSpec m_spec;
    const EndpointRules *m_rules = nullptr;
    QList<Violation> m_violations;
};

} // namespace

QList<Violation> RequestValidator::validate(const ImageRequest &request,
                                            const ValidationContext &context) const
{
    return Check(m_catalog, request, context).run();
}

} // namespace Atelier
