using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Html;

namespace Zout.Basisondersteuning.Web.Features.Support;

/// <summary>A heading at the level the including page gives, so the outline stays in order in the SOP and on the public page.</summary>
public static class SupportHeading
{
    public static IHtmlContent Of(int level, string text, string? testId = null)
    {
        var n = Math.Clamp(level, 1, 6);
        var test = testId is null ? "" : $" data-testid=\"{WebUtility.HtmlEncode(testId)}\"";
        return new HtmlString(string.Create(CultureInfo.InvariantCulture, $"<h{n} class=\"utrecht-heading-{n}\"{test}>{WebUtility.HtmlEncode(text)}</h{n}>"));
    }
}
