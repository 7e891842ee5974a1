#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QMap>
#include <QString>
#include <QStringList>

namespace Atelier {

// The conversions the value types make between JSON and their containers, made one way.

// The strings of a JSON array; an entry that is no string reads as "", a value that is no array
// as no strings.
QStringList stringsOf(const QJsonValue &array);
// A map of JSON values as one object, and an object's members as that map.
QJsonObject objectOf(const QMap<QString, QJsonValue> &map);
QMap<QString, QJsonValue> mapOf(const QJsonObject &object);

} // namespace Atelier
