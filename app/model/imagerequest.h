#pragma once

#include "endpoint.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QMap>
#include <QString>
#include <QStringList>

namespace Atelier {

// One request to the Images API as the user described it: a plain value ("recipe") that can be
// validated, estimated, stored and sent again. Options the user left unset are absent, and are
// never sent.
struct ImageRequest
{
    static constexpr int MaxInputNameLength = 255;

    Endpoint endpoint = Endpoint::Generations;
    QString model; // empty: the API's default for the endpoint
    QString prompt;
    QStringList images; // input image files (edits, variations), in order
    QString mask; // mask file (edits), applies to the first image
    // markup file (edits): a transparent PNG the size of the first image whose drawn marks say
    // where and what to change; never together with a mask
    QString markup;
    // The names the user knows the input files by, keyed by a file's name (no folder): inputs
    // are kept under their content's hash, so without this a recipe could only show hashes.
    // Only names that differ from the file's own; not part of what is asked, so not compared.
    QMap<QString, QString> inputNames;
    // The name to show for input file `path`: its known name, else the file's own name.
    QString inputName(const QString &path) const;

    // Every other body parameter, keyed by its API name (see parameters.h).
    QMap<QString, QJsonValue> options;

    void setOption(const QString &name, const QJsonValue &value) { options.insert(name, value); }
    void clearOption(const QString &name) { options.remove(name); }
    bool hasOption(const QString &name) const { return options.contains(name); }
    QJsonValue option(const QString &name) const { return options.value(name); }
    // The text form of an option value, as a multipart field sends it and messages quote it:
    // 4, true, "png" -> png; arrays and objects as compact JSON.
    static QString optionText(const QJsonValue &value);

    // The recipe as JSON (for the library and for "re-run exactly"), and back.
    QJsonObject toJson() const;
    static ImageRequest fromJson(const QJsonObject &json);

    friend bool operator==(const ImageRequest &a, const ImageRequest &b);
    friend bool operator!=(const ImageRequest &a, const ImageRequest &b) { return !(a == b); }
};

} // namespace Atelier
