using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Zout.Basisondersteuning.Web.Features.Shared.TagHelpers;

/// <summary>
/// One NL Design System form field: label, optional hint, the error message from ModelState next to
/// the field, and the input with aria-describedby/aria-invalid. Written once for every form.
/// <code>&lt;form-field asp-for="Email" label="E-mailadres" type="email" autocomplete="username" /&gt;</code>
/// In a long loop on a busy page, name the field with <c>field-name</c> and <c>field-value</c> instead of
/// <c>asp-for="Items[i].Text"</c>: MVC compiles an expression with an index on every render (for the name and again
/// for the value), which was more than half the server time of the scan section page (issue 15).
/// </summary>
[HtmlTargetElement("form-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FormFieldTagHelper : TagHelper
{
    [HtmlAttributeName("asp-for")] public ModelExpression? For { get; set; }

    /// <summary>The field's name when there is no <c>asp-for</c> (e.g. "Input.Items[3].Text"), as model binding reads it.</summary>
    [HtmlAttributeName("field-name")] public string? FieldName { get; set; }

    /// <summary>The field's value when there is no <c>asp-for</c>; formatted as <c>asp-for</c> formats it.</summary>
    [HtmlAttributeName("field-value")] public object? FieldValue { get; set; }
    public string Label { get; set; } = "";
    public string? Hint { get; set; }

    /// <summary>An input type (text, email, password, number, date), "textarea" or "select".</summary>
    public string Type { get; set; } = "text";

    public string? Autocomplete { get; set; }
    public bool Required { get; set; }
    public int? Rows { get; set; }
    public int? MaxLength { get; set; }
    public string? Min { get; set; }
    public string? Max { get; set; }
    public string? Step { get; set; }

    /// <summary>Options for type="select".</summary>
    [HtmlAttributeName("asp-items")] public IEnumerable<SelectListItem>? Items { get; set; }

    /// <summary>The empty first option of a select, e.g. "Alle regio's".</summary>
    public string? EmptyOption { get; set; }

    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = For?.Name ?? FieldName ?? throw new InvalidOperationException("A form-field needs asp-for or field-name.");
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var errors = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry)
            ? entry.Errors.Select(e => e.ErrorMessage).Where(m => !string.IsNullOrEmpty(m)).ToList()
            : [];
        var attempted = entry?.AttemptedValue;
        var value = attempted ?? FormatValue(For is null ? FieldValue : For.Model);
        var invalid = errors.Count > 0;

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        var kind = Type switch { "textarea" => "textarea", "select" => "select", _ => "text" };
        output.Attributes.SetAttribute("class", $"utrecht-form-field utrecht-form-field--{kind}{(invalid ? " utrecht-form-field--invalid" : "")}");

        var describedBy = new List<string>();
        var html = new System.Text.StringBuilder();
        var enc = HtmlEncoder.Default;
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"utrecht-form-field__label\"><label class=\"utrecht-form-label\" for=\"{id}\">{enc.Encode(Label)}");
        html.Append("</label></div>");
        if (!string.IsNullOrEmpty(Hint))
        {
            describedBy.Add($"{id}-hint");
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"utrecht-form-field__description utrecht-form-field-description\" id=\"{id}-hint\">{enc.Encode(Hint)}</div>");
        }

        if (invalid)
        {
            describedBy.Add($"{id}-error");
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"utrecht-form-field__error-message utrecht-form-field-error-message\" id=\"{id}-error\" data-testid=\"error-{id}\">");
            foreach (var error in errors) html.Append(CultureInfo.InvariantCulture, $"<p class=\"utrecht-paragraph\">{enc.Encode(error)}</p>");
            html.Append("</div>");
        }

        var common = new System.Text.StringBuilder();
        common.Append(CultureInfo.InvariantCulture, $" id=\"{id}\" name=\"{enc.Encode(name)}\"");
        if (describedBy.Count > 0) common.Append(CultureInfo.InvariantCulture, $" aria-describedby=\"{string.Join(' ', describedBy)}\"");
        if (invalid) common.Append(" aria-invalid=\"true\"");
        if (Required) common.Append(" required aria-required=\"true\"");
        if (!string.IsNullOrEmpty(Autocomplete)) common.Append(CultureInfo.InvariantCulture, $" autocomplete=\"{enc.Encode(Autocomplete)}\"");
        if (MaxLength is { } maxLength) common.Append(CultureInfo.InvariantCulture, $" maxlength=\"{maxLength}\"");

        html.Append("<div class=\"utrecht-form-field__input\">");
        switch (Type)
        {
            case "textarea":
                html.Append(CultureInfo.InvariantCulture, $"<textarea class=\"utrecht-textarea utrecht-textarea--html-textarea{(invalid ? " utrecht-textarea--invalid" : "")}\" rows=\"{Rows ?? 5}\"{common}>");
                html.Append(enc.Encode(value ?? ""));
                html.Append("</textarea>");
                break;
            case "select":
                html.Append(CultureInfo.InvariantCulture, $"<select class=\"utrecht-select utrecht-select--html-select{(invalid ? " utrecht-select--invalid" : "")}\"{common}>");
                if (EmptyOption is not null) html.Append(CultureInfo.InvariantCulture, $"<option value=\"\">{enc.Encode(EmptyOption)}</option>");
                foreach (var item in Items ?? [])
                {
                    var selected = item.Selected || (value is not null && item.Value == value);
                    html.Append(CultureInfo.InvariantCulture, $"<option value=\"{enc.Encode(item.Value ?? "")}\"{(selected ? " selected" : "")}>{enc.Encode(item.Text)}</option>");
                }

                html.Append("</select>");
                break;
            default:
                html.Append(CultureInfo.InvariantCulture, $"<input class=\"utrecht-textbox utrecht-textbox--html-input{(invalid ? " utrecht-textbox--invalid" : "")}\" type=\"{enc.Encode(Type)}\"{common}");
                if (Type != "password" && value is not null) html.Append(CultureInfo.InvariantCulture, $" value=\"{enc.Encode(value)}\"");
                if (Min is not null) html.Append(CultureInfo.InvariantCulture, $" min=\"{enc.Encode(Min)}\"");
                if (Max is not null) html.Append(CultureInfo.InvariantCulture, $" max=\"{enc.Encode(Max)}\"");
                if (Step is not null) html.Append(CultureInfo.InvariantCulture, $" step=\"{enc.Encode(Step)}\"");
                html.Append(" />");
                break;
        }

        html.Append("</div>");
        output.Content.SetHtmlContent(html.ToString());
    }

    private static string? FormatValue(object? model) => model switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        double x => x.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => model.ToString(),
    };
}
