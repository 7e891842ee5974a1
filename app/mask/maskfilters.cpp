#include "maskfilters.h"

#include <algorithm>
#include <limits>
#include <vector>

namespace Atelier {

namespace {

// Squared Euclidean distance transform of one line (Felzenszwalb & Huttenlocher): d[q] is the
// lowest f[p] + (q - p)^2 over all p.
void distanceTransform1d(const double *f, double *d, int n, std::vector<int> &v,
                         std::vector<double> &z)
{
    constexpr double Infinity = std::numeric_limits<double>::infinity();
    const auto intersection = [f](int q, int p) {
        return ((f[q] + double(q) * q) - (f[p] + double(p) * p)) / (2.0 * q - 2.0 * p);
    };
    int k = 0;
    v[0] = 0;
    z[0] = -Infinity;
    z[1] = Infinity;
    for (int q = 1; q < n; ++q) {
        double s = intersection(q, v[size_t(k)]);
        while (k > 0 && s <= z[size_t(k)]) {
            --k;
            s = intersection(q, v[size_t(k)]);
        }
        ++k;
        v[size_t(k)] = q;
        z[size_t(k)] = s;
        z[size_t(k) + 1] = Infinity;
    }
    k = 0;
    for (int q = 0; q < n; ++q) {
        while (z[size_t(k) + 1] < q)
            ++k;
        const int p = v[size_t(k)];
        d[q] = double(q - p) * (q - p) + f[p];
    }
}

// Squared distance from every pixel to the nearest pixel where `feature` is true. "Far" is
// finite and small enough that doubles keep the (q^2 - p^2) terms exact.
std::vector<double> squaredDistanceTo(const std::vector<bool> &feature, int width, int height)
{
    const double far = 2.0 * (double(width) + height) * (double(width) + height);
    std::vector<double> grid(size_t(width) * size_t(height));
    for (size_t i = 0; i < grid.size(); ++i)
        grid[i] = feature[i] ? 0.0 : far;
    const auto longest = static_cast<size_t>(std::max(width, height));
    std::vector<double> f(longest);
    std::vector<double> d(longest);
    std::vector<double> z(longest + 1);
    std::vector<int> v(longest);
    for (int x = 0; x < width; ++x) {
        for (int y = 0; y < height; ++y)
            f[size_t(y)] = grid[size_t(y) * size_t(width) + size_t(x)];
        distanceTransform1d(f.data(), d.data(), height, v, z);
        for (int y = 0; y < height; ++y)
            grid[size_t(y) * size_t(width) + size_t(x)] = d[size_t(y)];
    }
    for (int y = 0; y < height; ++y) {
        double *row = grid.data() + size_t(y) * size_t(width);
        std::copy(row, row + width, f.begin());
        distanceTransform1d(f.data(), row, width, v, z);
    }
    return grid;
}

// One box-blur pass along rows (stride 1) or columns (stride = bytes per line).
void boxBlurLine(uchar *data, int count, qsizetype stride, int radius, std::vector<uchar> &line)
{
    for (int i = 0; i < count; ++i)
        line[size_t(i)] = data[qsizetype(i) * stride];
    const auto at = [&](int i) {
        return int(line[size_t(std::clamp(i, 0, count - 1))]);
    };
    int sum = 0;
    for (int i = -radius; i <= radius; ++i)
        sum += at(i);
    const int window = 2 * radius + 1;
    for (int i = 0; i < count; ++i) {
        data[qsizetype(i) * stride] = uchar((sum + window / 2) / window);
        sum += at(i + radius + 1) - at(i - radius);
    }
}

} // namespace

void growCoverage(QImage &coverage, int grow)
{
    if (grow == 0 || coverage.isNull())
        return;
    const int width = coverage.width();
    const int height = coverage.height();
    // Distance to the nearest covered (growing) or uncovered (shrinking) pixel decides.
    std::vector<bool> feature(size_t(width) * size_t(height));
    for (int y = 0; y < height; ++y) {
        const uchar *row = coverage.constScanLine(y);
        for (int x = 0; x < width; ++x)
            feature[size_t(y) * size_t(width) + size_t(x)]
                = grow > 0 ? row[x] >= 128 : row[x] < 128;
    }
    const std::vector<double> distance = squaredDistanceTo(feature, width, height);
    const double limit = double(grow) * grow;
    for (int y = 0; y < height; ++y) {
        uchar *row = coverage.scanLine(y);
        for (int x = 0; x < width; ++x) {
            const bool near = distance[size_t(y) * size_t(width) + size_t(x)] <= limit;
            row[x] = grow > 0 ? (near ? 255 : 0) : (near ? 0 : 255);
        }
    }
}

void blurCoverage(QImage &coverage, int blur)
{
    if (blur <= 0 || coverage.isNull())
        return;
    const int width = coverage.width();
    const int height = coverage.height();
    // Three box passes each way approximate a Gaussian whose edge spans about `blur` pixels.
    const int radius = std::max(1, blur / 3);
    std::vector<uchar> line(size_t(std::max(width, height)));
    for (int pass = 0; pass < 3; ++pass) {
        for (int y = 0; y < height; ++y)
            boxBlurLine(coverage.scanLine(y), width, 1, radius, line);
        for (int x = 0; x < width; ++x)
            boxBlurLine(coverage.scanLine(0) + x, height, coverage.bytesPerLine(), radius, line);
    }
}

} // namespace Atelier
