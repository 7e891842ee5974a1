// The headers most tests include, compiled once per build (ATELIER_PCH, tests/CMakeLists.txt):
// app/'s and Qt Test's. precompiled_widgettests.h adds the widgets for the widget tests.
#pragma once

#include "precompiled_core.h"

#include <QBuffer>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
