using Microsoft.AspNetCore.Http;
using PayFunctions.Domain;

namespace PayFunctions.Core.Stores;

/// <summary>
/// A store code's best guess at the payer's country: the region of the language the browser prefers most
/// (<c>Accept-Language: zh-CN</c> is China), null when that language names none. A language is not a location, so
/// the guess only narrows the methods offered when some method serves it (see <see cref="StoreCodeEndpoints"/>).
/// </summary>
public static class PayerRegion
{
    public static string? FromAcceptLanguage(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var preferred = request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Quality is null or > 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .FirstOrDefault();
        if (preferred is null)
        {
            return null;
        }

        // BCP 47: language, then optional script (four letters), then the region (two letters).
        var region = preferred.Value.Value?.Split('-').Skip(1).FirstOrDefault(part => part.Length == 2);
        return CountryCodes.TryNormalize(region, out var country) ? country : null;
    }
}
