namespace Zout.Basisondersteuning.Web.Features.Shared;

/// <summary>
/// The one page part for a conflict: someone else saved while the user was editing. For every field that differs
/// the user sees their own and the stored value and chooses one; the form posts the choices (under each field's
/// <see cref="Field.Name"/>) with the hidden values, against the stored version. Rendered by
/// <c>Features/Shared/_ConflictChoice.cshtml</c>; the scan sections and the development points both use it.
/// </summary>
public sealed record ConflictChoice(
    string Action,
    IReadOnlyList<KeyValuePair<string, string?>> Hidden,
    IReadOnlyList<ConflictChoice.Field> Fields,
    string CancelUrl,
    string CancelText)
{
    /// <summary>One value the user can keep: what is posted, and what it looks like.</summary>
    public sealed record Option(string Value, string Text);

    /// <summary>
    /// A field that differs. <paramref name="Name"/> is what the radio buttons post, <paramref name="Id"/> the id of the first one
    /// (where the error summary leads). <paramref name="Chosen"/> is the value checked when the page opens, if any.
    /// <paramref name="Key"/> and <paramref name="FieldName"/> identify the field for tests and scripts.
    /// </summary>
    public sealed record Field(string Name, string Id, string Label, Option Mine, Option Stored, string? Chosen, string? Key, string FieldName)
    {
        public string StoredId => $"{Id}-stored";
    }
}
