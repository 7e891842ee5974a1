#include "modelspec.h"

#include <QCoreApplication>

namespace Atelier {

namespace {

// The notes of the built-in catalog (resources/models.json), so that they are translated: the
// file stays English (as does `atelier-cli models --json`), the studio shows them in the user's
// language. A user overlay's own notes are shown as written. tst_catalog checks that every note
// of the built-in catalog is here.
const char *const builtinNotes[] = {
    QT_TRANSLATE_NOOP("Atelier::ModelNotes",
                      "OpenAI shut DALL·E 2 down on 2026-05-12; Azure OpenAI deployments and "
                      "gateways may still serve it."),
    QT_TRANSLATE_NOOP("Atelier::ModelNotes",
                      "OpenAI shut DALL·E 3 down on 2026-05-12; Azure OpenAI deployments and "
                      "gateways may still serve it."),
    QT_TRANSLATE_NOOP(
        "Atelier::ModelNotes",
        "OpenAI shut gpt-image-1 down on 2026-10-23 and names gpt-image-2.5-sunburst or "
        "gpt-image-2.5-flare instead; Azure OpenAI deployments and gateways may still serve it."),
    QT_TRANSLATE_NOOP("Atelier::ModelNotes",
                      "OpenAI shut gpt-image-1-mini down on 2026-12-01 and names "
                      "gpt-image-2.6-flare or gpt-image-2.6-sunburst instead."),
    QT_TRANSLATE_NOOP("Atelier::ModelNotes",
                      "OpenAI shut gpt-image-1.5 down on 2026-12-01 and names "
                      "gpt-image-2.6-sunburst or gpt-image-2.6-flare instead."),
    QT_TRANSLATE_NOOP("Atelier::ModelNotes",
                      "OpenAI shut gpt-image-1.5-2025-12-16 down on 2026-12-01 and names "
                      "gpt-image-2.6-sunburst or gpt-image-2.6-flare instead."),
    QT_TRANSLATE_NOOP("Atelier::ModelNotes",
                      "Transparent backgrounds are a preview feature on gpt-image-2; sizes above "
                      "2560x1440 are experimental."),
    QT_TRANSLATE_NOOP("Atelier::ModelNotes",
                      "Dated snapshot of gpt-image-2: its behaviour does not change under you."),
    QT_TRANSLATE_NOOP("Atelier::ModelNotes",
                      "Released 2026-09-08, the fast tier of GPT Image 2.5: free sizes, quality up "
                      "to xhigh and max, transparent backgrounds, markup edits."),
    QT_TRANSLATE_NOOP(
        "Atelier::ModelNotes",
        "Dated snapshot of gpt-image-2.5-flare: its behaviour does not change under you."),
    QT_TRANSLATE_NOOP("Atelier::ModelNotes",
                      "Released 2026-09-08, the detail tier of GPT Image 2.5: free sizes, quality "
                      "up to xhigh and max, transparent backgrounds, markup edits."),
    QT_TRANSLATE_NOOP(
        "Atelier::ModelNotes",
        "Dated snapshot of gpt-image-2.5-sunburst: its behaviour does not change under you."),
    QT_TRANSLATE_NOOP("Atelier::ModelNotes",
                      "Released 2026-11-04, the fast tier of GPT Image 2.6: complexity, GIF and "
                      "SVG output, markup edits."),
    QT_TRANSLATE_NOOP(
        "Atelier::ModelNotes",
        "Released 2026-11-04, the detail tier of GPT Image 2.6: complexity, GIF and SVG output, "
        "markup edits. The Responses API's image tool uses it by default."),
    QT_TRANSLATE_NOOP("Atelier::ModelNotes",
                      "OpenAI shut chatgpt-image-latest down on 2026-12-01 and names "
                      "gpt-image-2.6-sunburst or gpt-image-2.6-flare instead."),
    QT_TRANSLATE_NOOP(
        "Atelier::ModelNotes",
        "Not in Atelier's catalog: only the limits of the official API description are checked."),
};

} // namespace

QString ModelSpec::lifecycleNoteText() const
{
    if (lifecycleNote.isEmpty())
        return {};
    return QCoreApplication::translate("Atelier::ModelNotes", lifecycleNote.toUtf8().constData());
}

QStringList ModelSpec::translatableNotes()
{
    QStringList notes;
    for (const char *note : builtinNotes)
        notes.append(QString::fromUtf8(note));
    return notes;
}

const ParameterRule *EndpointRules::rule(const QString &parameter) const
{
    const auto it = m_rules.constFind(parameter);
    return it == m_rules.cend() ? nullptr : &it.value();
}

const EndpointRules *ModelSpec::rulesFor(Endpoint endpoint) const
{
    const auto it = endpoints.constFind(endpoint);
    return it == endpoints.cend() ? nullptr : &it.value();
}

qint64 ModelSpec::daysUntilShutdown(const QDate &today) const
{
    if (!shutdownDate.isValid() || shutdownDate <= today)
        return -1;
    return today.daysTo(shutdownDate);
}

} // namespace Atelier
