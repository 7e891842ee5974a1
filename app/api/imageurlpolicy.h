#pragma once

#include <QString>
#include <QUrl>

namespace Atelier {

// Which image URLs from an answer Atelier fetches. An answer is untrusted: a server (or whoever
// stands in for it) could name a local file or a machine on the user's own network, and the
// download would read it for them. So an image URL is fetched when it is https to a public host,
// or when it has the base URL's own scheme, host and port (a local gateway serves its images
// where it answers); never file:, never plain http elsewhere, never a loopback or private
// address or a name for one. Redirects are checked the same way.
//
// Names that resolve to private addresses are not caught here (that needs the resolver's
// answer); the literal forms and the well-known local names are.
namespace ImageUrlPolicy {

// Empty when `url` may be fetched for an API at `baseUrl`; else a sentence saying why not. The
// sentence names no file and is the same whether or not anything exists at the URL.
QString refusal(const QUrl &url, const QUrl &baseUrl);

// A literal loopback, private, link-local or unspecified address, or a name for the local machine
// or network (localhost, *.localhost, *.local, names without a dot).
bool isLocalHost(const QString &host);

} // namespace ImageUrlPolicy

} // namespace Atelier
