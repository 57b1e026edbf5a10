using Microsoft.AspNetCore.Mvc.Razor;

namespace Zout.Basisondersteuning.Web.Features.Shared;

/// <summary>Views live beside their controller in Features/&lt;Feature&gt;/, shared ones in Features/Shared/.</summary>
public static class FeatureViewLocations
{
    public static void Configure(RazorViewEngineOptions options)
    {
        options.ViewLocationFormats.Clear();
        options.ViewLocationFormats.Add("/Features/{1}/{0}.cshtml");
        options.ViewLocationFormats.Add("/Features/Shared/{0}.cshtml");
        options.ViewLocationFormats.Add("/Features/Shared/Components/{0}.cshtml");
    }
}
