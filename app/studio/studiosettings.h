#pragma once

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <utility>

namespace Atelier {

// One remembered value of the studio: its key, its type and its default in one place, read and
// written through QSettings (after Tiled's SessionOption). Every key the studio keeps is a
// member of StudioSettings below; nothing else spells a QSettings key.
template<typename T> class Setting
{
public:
    Setting(const char *key, T fallback = T())
        : m_key(key)
        , m_fallback(std::move(fallback))
    { }

    QString key() const { return QString::fromLatin1(m_key); }
    T value() const
    {
        const QVariant stored = QSettings().value(key());
        return stored.isValid() && stored.canConvert<T>() ? stored.value<T>() : m_fallback;
    }
    void setValue(const T &value) const { QSettings().setValue(key(), QVariant::fromValue(value)); }
    bool isSet() const { return QSettings().contains(key()); }
    void clear() const { QSettings().remove(key()); }

private:
    const char *m_key;
    T m_fallback;
};

// Values under one group whose names the user gives (prompt presets: name -> text).
class SettingGroup
{
public:
    constexpr explicit SettingGroup(const char *group)
        : m_group(group)
    { }

    QString group() const { return QString::fromLatin1(m_group); }
    QStringList names() const;
    QString value(const QString &name) const;
    void setValue(const QString &name, const QString &value) const;
    void remove(const QString &name) const;
    void clear() const;

private:
    const char *m_group;
};

// Every setting of the studio.
struct StudioSettings
{
    // The library folder the user chose (empty: the default in Pictures).
    static inline const Setting<QString> libraryFolder {"studio/libraryFolder"};
    static inline const Setting<QString> defaultModel {"studio/defaultModel"};
    static inline const Setting<double> budget {"studio/budget", 0.0};
    static inline const Setting<int> concurrency {"studio/concurrency", 4};
    static inline const Setting<QString> safetyIdentifier {"studio/safetyIdentifier"};
    // Refine: the mainline model the Responses API's image tool runs under. Empty: the
    // catalog's (Catalog::responsesMainlineModel(), a gpt-5-class model).
    static inline const Setting<QString> refineResponsesModel {"refine/responsesModel"};
    // The library image the open refine thread started from (0: none).
    static inline const Setting<qint64> refineThreadStart {"refine/threadStart", 0};
    // Provider profiles as a JSON array, and the name of the one in use.
    static inline const Setting<QByteArray> providerProfiles {"providers/profiles"};
    static inline const Setting<QString> activeProvider {"providers/active"};
    // The welcome box was shown once.
    static inline const Setting<bool> onboardingShown {"onboarding/shown", false};
    static inline const Setting<QByteArray> windowGeometry {"window/geometry"};
    static inline const Setting<QByteArray> mainSplitter {"window/mainSplitter"};
    static inline const Setting<QByteArray> centerSplitter {"window/centerSplitter"};
    static inline const Setting<QStringList> promptHistory {"prompt/history"};
    // The last request's parameters as JSON.
    static inline const Setting<QByteArray> lastParameters {"parameters/last"};
    static inline const Setting<QString> exportFolder {"export/folder"};
    static inline const Setting<QString> exportFormat {"export/format"};
    static inline const Setting<int> exportQuality {"export/quality"};
    static inline const Setting<QString> exportTemplate {"export/template"};
    static inline const SettingGroup presets {"presets"};
    // The studio's look: "dark" (the default) or "light".
    static inline const Setting<QString> theme {"appearance/theme", QStringLiteral("dark")};
    // The gallery's thumbnail edge in pixels.
    static inline const Setting<int> thumbnailSize {"gallery/thumbnailSize", 128};
};

} // namespace Atelier
