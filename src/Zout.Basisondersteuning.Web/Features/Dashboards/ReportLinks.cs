using Microsoft.AspNetCore.WebUtilities;

namespace Zout.Basisondersteuning.Web.Features.Dashboards;

public static class ReportLinks
{
    /// <summary>The current page's address with the same filters, asking for one table as a download.</summary>
    public static string Export(HttpRequest request, string tableId, string format)
    {
        var query = request.Query
            .Where(q => q.Key is not ("export" or "tabel"))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Append(new("export", format))
            .Append(new("tabel", tableId));
        return QueryHelpers.AddQueryString(request.PathBase + request.Path, query);
    }
}
