// atelier-screen-regions: what a person sees of the images on the screen, for the end-to-end
// script. Grabs the X screen (--grab OUT.png, under Xvfb) or reads a screenshot, and prints one
// line "region X Y W H" for each large colourful area (an image: the studio's chrome and the
// image ground are grey), largest first, then "regions N". Small areas (thumbnails, icons, a
// highlighted row) are not counted: --min-share (of the screen, default 0.03) sets the size.
#include <QCommandLineParser>
#include <QGuiApplication>
#include <QImage>
#include <QPixmap>
#include <QScreen>
#include <QTextStream>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

constexpr int Step = 4; // one sample per 4x4 pixels

bool colourful(QRgb pixel)
{
    const int high = std::max({qRed(pixel), qGreen(pixel), qBlue(pixel)});
    const int low = std::min({qRed(pixel), qGreen(pixel), qBlue(pixel)});
    return high - low >= 32;
}

} // namespace

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Counts the images shown on the screen."_s);
    parser.addHelpOption();
    parser.addOption({u"grab"_s, u"Grab the screen and save it as <png>."_s, u"png"_s});
    parser.addOption({u"min-share"_s, u"Smallest area counted, as a share of the screen."_s,
                      u"share"_s, u"0.03"_s});
    parser.addPositionalArgument(u"screenshot"_s, u"A screenshot to read instead of grabbing."_s);
    parser.process(app);
    QTextStream err(stderr);
    QImage shot;
    if (parser.isSet(u"grab"_s)) {
        QScreen *screen = QGuiApplication::primaryScreen();
        if (!screen) {
            err << "atelier-screen-regions: no screen to grab (is DISPLAY set?)\n";
            return 2;
        }
        shot = screen->grabWindow(0).toImage();
        if (shot.isNull() || !shot.save(parser.value(u"grab"_s))) {
            err << "atelier-screen-regions: could not grab the screen into "
                << parser.value(u"grab"_s) << '\n';
            return 2;
        }
    } else if (parser.positionalArguments().size() == 1) {
        shot.load(parser.positionalArguments().first());
        if (shot.isNull()) {
            err << "atelier-screen-regions: " << parser.positionalArguments().first()
                << " is not an image\n";
            return 2;
        }
    } else {
        err << "atelier-screen-regions: give --grab OUT.png or a screenshot\n";
        return 2;
    }
    bool ok = false;
    const double minShare = parser.value(u"min-share"_s).toDouble(&ok);
    if (!ok || minShare <= 0 || minShare >= 1) {
        err << "atelier-screen-regions: --min-share takes a share between 0 and 1, e.g. 0.03\n";
        return 2;
    }
    shot = shot.convertToFormat(QImage::Format_RGB32);
    const int columns = shot.width() / Step;
    const int rows = shot.height() / Step;
    QList<int> label(qsizetype(columns) * rows, 0);
    struct Region
    {
        int left, top, right, bottom, samples;
    };
    QList<Region> regions;
    QList<int> stack;
    for (int row = 0; row < rows; ++row) {
        for (int column = 0; column < columns; ++column) {
            const int start = row * columns + column;
            if (label.at(start) != 0
                || !colourful(shot.pixel(column * Step + Step / 2, row * Step + Step / 2)))
                continue;
            // Flood fill over 4-neighbours that are colourful too.
            Region region {column, row, column, row, 0};
            label[start] = int(regions.size()) + 1;
            stack = {start};
            while (!stack.isEmpty()) {
                const int at = stack.takeLast();
                const int x = at % columns;
                const int y = at / columns;
                ++region.samples;
                region.left = std::min(region.left, x);
                region.right = std::max(region.right, x);
                region.top = std::min(region.top, y);
                region.bottom = std::max(region.bottom, y);
                const int neighbours[4][2] = {{x - 1, y}, {x + 1, y}, {x, y - 1}, {x, y + 1}};
                for (const auto &next : neighbours) {
                    if (next[0] < 0 || next[1] < 0 || next[0] >= columns || next[1] >= rows)
                        continue;
                    const int index = next[1] * columns + next[0];
                    if (label.at(index) != 0
                        || !colourful(
                            shot.pixel(next[0] * Step + Step / 2, next[1] * Step + Step / 2)))
                        continue;
                    label[index] = int(regions.size()) + 1;
                    stack.append(index);
                }
            }
            regions.append(region);
        }
    }
    // Large ones, by the area their box covers (an image's grey middle is not colourful).
    const double screen = double(columns) * rows;
    QList<Region> large;
    for (const Region &region : std::as_const(regions)) {
        const double box
            = double(region.right - region.left + 1) * (region.bottom - region.top + 1);
        if (box >= minShare * screen && region.samples >= box / 3)
            large.append(region);
    }
    std::sort(large.begin(), large.end(), [](const Region &a, const Region &b) {
        return (a.right - a.left) * (a.bottom - a.top) > (b.right - b.left) * (b.bottom - b.top);
    });
    QTextStream out(stdout);
    for (const Region &region : std::as_const(large))
        out << "region " << region.left * Step << ' ' << region.top * Step << ' '
            << (region.right - region.left + 1) * Step << ' '
            << (region.bottom - region.top + 1) * Step << '\n';
    out << "regions " << large.size() << '\n';
    return 0;
}
