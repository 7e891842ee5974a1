#pragma once

#include <QCommandLineOption>

#include <functional>

class QApplication;
class QCommandLineParser;

namespace Atelier {

class MainWindow;

// The command line, described once for --help and for the real start.
struct StudioCommandLine
{
    QCommandLineOption edit;
    QCommandLineOption prompt;
    explicit StudioCommandLine(QCommandLineParser &parser);
};

// The studio's start and run, after the QApplication is made: the command line, the session,
// the library, the window, the event loop. main() calls it; tests run it as a real process too
// (tests/support/studioprocess_main.cpp) with `shown` to act on the window once it is up.
int runStudio(QApplication &app, const std::function<void(MainWindow *)> &shown = {});

// Whether a signal (logging out, kill, Ctrl+C in a terminal) asked the studio to end. Every
// dialog then returns at once, as if dismissed: code after a dialog checks this before it acts
// on the answer, so nothing is dismissed, sent or thrown away that the user did not choose.
bool studioIsEnding();

} // namespace Atelier
