#include "jsonvalues.h"

#include <QJsonArray>

namespace Atelier {

QStringList stringsOf(const QJsonValue &array)
{
    QStringList strings;
    const QJsonArray values = array.toArray();
    for (const QJsonValue &value : values)
        strings.append(value.toString());
    return strings;
}

QJsonObject objectOf(const QMap<QString, QJsonValue> &map)
{
    QJsonObject object;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

QMap<QString, QJsonValue> mapOf(const QJsonObject &object)
{
    QMap<QString, QJsonValue> map;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it)
        map.insert(it.key(), it.value());
    return map;
}

} // namespace Atelier
