#include "studio/studiosettings.h"

namespace Atelier {

QStringList SettingGroup::names() const
{
    QSettings settings;
    settings.beginGroup(group());
    return settings.childKeys();
}

QString SettingGroup::value(const QString &name) const
{
    return QSettings().value(group() + u'/' + name).toString();
}

void SettingGroup::setValue(const QString &name, const QString &value) const
{
    QSettings().setValue(group() + u'/' + name, value);
}

void SettingGroup::remove(const QString &name) const
{
    QSettings().remove(group() + u'/' + name);
}

void SettingGroup::clear() const
{
    QSettings().remove(group());
}

} // namespace Atelier
