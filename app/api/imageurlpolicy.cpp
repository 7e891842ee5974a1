#include "imageurlpolicy.h"

#include <QCoreApplication>
#include <QHostAddress>

using namespace Qt::StringLiterals;

namespace Atelier {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Atelier::ImageUrlPolicy)
};

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0
        && a.host().compare(b.host(), Qt::CaseInsensitive) == 0
        && a.port(a.scheme() == u"https" ? 443 : 80) == b.port(b.scheme() == u"https" ? 443 : 80);
}

bool isLocalAddress(const QHostAddress &address)
{
    bool isIpv4 = false;
    const quint32 ipv4 = address.toIPv4Address(&isIpv4); // also ::ffff:a.b.c.d
    if (isIpv4) {
        const auto in = [ipv4](quint32 network, int bits) {
            return (ipv4 >> (32 - bits)) == (network >> (32 - bits));
        };
        return in(0x00000000, 8) // 0/8: "this host"
            || in(0x7F000000, 8) // 127/8
            || in(0x0A000000, 8) // 10/8
            || in(0x64400000, 10) // 100.64/10, carrier-grade NAT
            || in(0xAC100000, 12) // 172.16/12
            || in(0xC0A80000, 16) // 192.168/16
            || in(0xA9FE0000, 16); // 169.254/16, link-local (cloud metadata)
    }
    if (address.protocol() != QAbstractSocket::IPv6Protocol)
        return true; // not an address Atelier understands: not fetched
    const Q_IPV6ADDR bytes = address.toIPv6Address();
    return address.isLoopback() || address == QHostAddress(QHostAddress::AnyIPv6)
        || (bytes[0] & 0xFE) == 0xFC // fc00::/7, unique local
        || (bytes[0] == 0xFE && (bytes[1] & 0xC0) == 0x80); // fe80::/10, link-local
}

} // namespace

bool ImageUrlPolicy::isLocalHost(const QString &host)
{
    if (host.isEmpty())
        return true;
    const QHostAddress address(host);
    if (!address.isNull())
        return isLocalAddress(address);
    QString name = host.toLower();
    while (name.endsWith(u'.'))
        name.chop(1);
    return !name.contains(u'.') // a name the local resolver completes: a machine on this network
        || name.endsWith(u".localhost"_s) || name == u"localhost.localdomain"
        || name.endsWith(u".local"_s) || name.endsWith(u".internal"_s);
}

QString ImageUrlPolicy::refusal(const QUrl &url, const QUrl &baseUrl)
{
    if (!url.isValid() || url.isLocalFile() || url.host().isEmpty())
        return Text::tr("The answer named an image that is not on the web (%1); Atelier downloads "
                        "images only "
                        "from https addresses.")
            .arg(url.scheme().isEmpty() ? Text::tr("no address") : url.scheme() + u':');
    if (baseUrl.isValid() && sameOrigin(url, baseUrl))
        return {};
    if (url.scheme().compare(u"https"_s, Qt::CaseInsensitive) != 0)
        return Text::tr("The answer named an image at a %1 address on %2; Atelier downloads images "
                        "only over "
                        "https, or from the API's own address.")
            .arg(url.scheme(), url.host());
    if (isLocalHost(url.host()))
        return Text::tr("The answer named an image on this computer or its local network (%1); "
                        "Atelier does not "
                        "download from there unless the API itself is there.")
            .arg(url.host());
    return {};
}

} // namespace Atelier
