#pragma once

#include <QJsonArray>
#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <vector>

namespace Atelier {

// What kind of value a body parameter carries; fixed by the API, not by a model.
enum class ParameterKind { Text, Choice, Integer, Boolean, Files, Object };

// The kind of a known API parameter; std::nullopt-like Text for names the API does not have.
ParameterKind parameterKind(const QString &name);
bool isKnownParameter(const QString &name);
// Every body parameter the API has, in the order a form would show them.
const QStringList &allParameters();

// "When this parameter is set (to `whenValue`, or to anything when it is '*'), `other` must be
// one of `allowed`" — e.g. a transparent background needs png or webp output.
struct Requirement
{
    QString whenValue;
    QString other;
    QJsonArray allowed;
};

// Free-form WIDTHxHEIGHT sizes (gpt-image-2).
struct FreeSizeRule
{
    bool enabled = false;
    int multipleOf = 1;
    double minAspect = 0.0; // width / height
    double maxAspect = 0.0; // 0: no limit
    int maxEdge = 0; // 0: no limit
    qint64 maxPixels = 0; // 0: no limit
    qint64 experimentalAbovePixels = 0; // 0: none
    QString explain;
};

// What one model allows for one parameter on one endpoint.
struct ParameterRule
{
    QString name;
    ParameterKind kind = ParameterKind::Text;
    QJsonValue defaultValue;

    // Text
    int maxLength = 0; // 0: no limit
    // Choice
    QStringList values;
    QStringList preview; // values the provider marks as preview features
    FreeSizeRule freeSize; // size only
    // Integer
    int minimum = 0;
    int maximum = 0;
    int capAt = 0; // values above are accepted and capped by the API (a warning); 0: none
    int roundsTo = 0; // the API rounds to a multiple of this (a warning when it would); 0: none
    // A field of an object that must be given whenever the object is.
    bool required = false;
    // Files (image, mask)
    int minCount = 0;
    int maxCount = 1;
    QStringList formats; // lower-case format names: png, jpeg, webp
    qint64 maxBytes = 0; // 0: no limit
    bool square = false;

    // Object (svg): its fields, each a rule of its own (nested objects allowed).
    std::vector<ParameterRule> fields;

    QList<Requirement> requirements;
    // "When this parameter is `key`, none of these may be set" — e.g. GIF output takes no mask.
    QMap<QString, QStringList> conflicts;

    const ParameterRule *field(const QString &fieldName) const;
};

} // namespace Atelier
