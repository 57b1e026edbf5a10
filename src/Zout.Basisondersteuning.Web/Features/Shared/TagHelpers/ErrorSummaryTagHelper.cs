using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Zout.Basisondersteuning.Web.Features.Shared.TagHelpers;

/// <summary>
/// Lists every error of the form at its top, each linked to its field, in a region that screen readers
/// announce and that receives focus (site.js). Renders nothing when the form is valid.
/// </summary>
[HtmlTargetElement("error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ErrorSummaryTagHelper : TagHelper
{
    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var modelState = ViewContext.ViewData.ModelState;
        var errors = modelState
            .Where(kv => kv.Value is { Errors.Count: > 0 })
            .SelectMany(kv => kv.Value!.Errors.Select(e => (Key: kv.Key, e.ErrorMessage)))
            .ToList();
        if (errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        var enc = HtmlEncoder.Default;
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "utrecht-alert utrecht-alert--error zb-error-summary");
        output.Attributes.SetAttribute("role", "alert");
        output.Attributes.SetAttribute("tabindex", "-1");
        output.Attributes.SetAttribute("aria-labelledby", "error-summary-title");
        output.Attributes.SetAttribute("data-testid", "error-summary");
        var html = new System.Text.StringBuilder();
        html.Append("<h2 class=\"utrecht-heading-2\" id=\"error-summary-title\">Controleer de invoer</h2><ul class=\"utrecht-unordered-list\">");
        foreach (var (key, message) in errors)
        {
            var text = enc.Encode(message);
            html.Append(string.IsNullOrEmpty(key)
                ? $"<li class=\"utrecht-unordered-list__item\">{text}</li>"
                : $"<li class=\"utrecht-unordered-list__item\"><a class=\"utrecht-link\" href=\"#{TagBuilder.CreateSanitizedId(key, "_")}\">{text}</a></li>");
        }

        html.Append("</ul>");
        output.Content.SetHtmlContent(html.ToString());
    }
}
