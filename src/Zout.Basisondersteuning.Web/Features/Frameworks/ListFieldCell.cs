using Microsoft.AspNetCore.Mvc.Rendering;

namespace Zout.Basisondersteuning.Web.Features.Frameworks;

/// <summary>One input of a list row as the view renders it: name and id as ModelState and the error summary know them.</summary>
public sealed record ListFieldCell(string Name, ListField Field, string? Value, IReadOnlyList<string> Errors)
{
    public string Id => TagBuilder.CreateSanitizedId(Name, "_");
    public bool IsInvalid => Errors.Count > 0;

    public string? DescribedBy
    {
        get
        {
            var ids = new List<string>();
            if (Field.Hint is not null) ids.Add($"{Id}-hint");
            if (IsInvalid) ids.Add($"{Id}-error");
            return ids.Count == 0 ? null : string.Join(' ', ids);
        }
    }
}
