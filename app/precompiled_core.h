// The Qt and standard headers most of app/ includes, compiled once per build (ATELIER_PCH,
// app/CMakeLists.txt). Only headers of Qt Core and Qt Gui, which every layer links: a class of
// another module used here would compile in a layer that does not link it.
#pragma once

#include <functional>
#include <memory>
#include <optional>

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QLocale>
#include <QObject>
#include <QPointer>
#include <QRegularExpression>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QUrl>
