using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Infrastructure.Results;

namespace Zout.Basisondersteuning.Web.Features.Frameworks;

public enum FieldKind
{
    Text,
    TextArea,

    /// <summary>A textarea whose lines are a list of texts (one example per line).</summary>
    Lines,
    WholeNumber,
    Checkbox,
    Select,
}

/// <summary>
/// One input of a list row. <see cref="Name"/> is the JSON property name of the item, so a problem that
/// <see cref="FrameworkRules"/> reports at "domains[3].name" lands next to the field "name" of that row.
/// </summary>
public sealed record ListField(string Name, string Label, FieldKind Kind, string? Hint = null, int? MaxLength = null, IReadOnlyList<SelectListItem>? Options = null)
{
    /// <summary>Whether a new row with this field filled in is meant as a new item (checkboxes and selects do not count).</summary>
    public bool CountsAsContent => Kind is FieldKind.Text or FieldKind.TextArea or FieldKind.Lines or FieldKind.WholeNumber;
}

/// <summary>One row of a list editor as the form posts it: an existing item (by key) or a new one.</summary>
public sealed class ListRow
{
    /// <summary>The key of an existing item; empty for a new row. Never changed by the form.</summary>
    public string? Key { get; set; }

    public string? Position { get; set; }
    public bool Remove { get; set; }
    public Dictionary<string, string?> Values { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>Reads the typed values of one row and collects a Dutch message per field that cannot be read.</summary>
public sealed class RowReader(IReadOnlyDictionary<string, string?> values)
{
    /// <summary>Messages by the item's field name, e.g. "name".</summary>
    public List<FieldError> Errors { get; } = [];

    public string Text(string field) => (values.GetValueOrDefault(field) ?? "").Trim();

    public string? OptionalText(string field) => Text(field) is { Length: > 0 } text ? text : null;

    public bool Checked(string field) => string.Equals(values.GetValueOrDefault(field), "true", StringComparison.OrdinalIgnoreCase);

    public List<string> Lines(string field) =>
        Text(field).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    /// <summary>A whole number; when empty, <paramref name="whenEmpty"/> or an error if there is none.</summary>
    public int WholeNumber(string field, int current, int? whenEmpty = null)
    {
        var text = Text(field);
        if (text.Length == 0 && whenEmpty is { } fallback) return fallback;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return value;
        Errors.Add(new FieldError(field, text.Length == 0 ? "Vul een getal in." : $"'{text}' is geen heel getal; vul een getal in, zoals 3."));
        return current;
    }

    public TEnum Enum<TEnum>(string field, TEnum current) where TEnum : struct, System.Enum
    {
        if (System.Enum.TryParse<TEnum>(Text(field), ignoreCase: false, out var value) && System.Enum.IsDefined(value)) return value;
        Errors.Add(new FieldError(field, "Kies een van de mogelijkheden."));
        return current;
    }
}

/// <summary>
/// A list of the framework edited as rows of inputs: existing items by key, a few empty rows to add items,
/// a 'verwijderen' checkbox per row and a position to reorder. New items get a key made from their name;
/// existing keys never change, because answers carry over by key.
/// </summary>
public abstract class ListEditor
{
    /// <summary>The URL segment under /kader/, e.g. "domeinen".</summary>
    public required string Slug { get; init; }

    public required string Title { get; init; }

    /// <summary>What one row is called in legends and messages, e.g. "Domein".</summary>
    public required string ItemLabel { get; init; }

    public string? Intro { get; init; }
    public int BlankRows { get; init; } = 3;

    /// <summary>The field that names an item: shown in the row's legend, and a new item's key is made from it.</summary>
    public string NameField { get; init; } = "name";

    public abstract bool HasKeys { get; }

    /// <summary>False when the order follows from a value of the item (a level's value, an agreement's number).</summary>
    public abstract bool HasPosition { get; }

    /// <summary>The JSON path of the list, as <see cref="FrameworkRules"/> names it: "domains", "offeringGroups[2].items".</summary>
    public abstract string Path(FrameworkDefinition framework);

    public abstract IReadOnlyList<ListField> Fields(FrameworkDefinition framework);

    public abstract List<ListRow> Read(FrameworkDefinition framework);

    /// <summary>
    /// Applies the rows to the list in <paramref name="framework"/> (a private copy), in the rows' order. Invalid with a
    /// message per row or field that cannot be read (see <see cref="ErrorAt"/>); the value is the row each item of the
    /// list now comes from, so a rule problem about an item can be shown at its row.
    /// </summary>
    public abstract Result<IReadOnlyList<int>> Apply(FrameworkDefinition framework, IReadOnlyList<ListRow> rows);

    /// <summary>A message for field <paramref name="field"/> ("" for the row as a whole) of a row, named as the form names its inputs.</summary>
    public FieldError ErrorAt(FrameworkDefinition framework, int row, string field, string message)
    {
        var label = Fields(framework).FirstOrDefault(f => f.Name == field)?.Label;
        var where = label is null ? $"{ItemLabel} {row + 1}" : $"{ItemLabel} {row + 1}, {label}";
        return new FieldError(field.Length == 0 ? $"Rows[{row}]" : $"Rows[{row}].Values[{field}]", $"{where}: {message}");
    }

    /// <summary>
    /// The field a problem belongs to, from the rest of its place after the item index (".name", ".examples[1]"),
    /// or null for the row as a whole.
    /// </summary>
    public virtual string? FieldOf(FrameworkDefinition framework, int index, string rest)
    {
        if (!rest.StartsWith('.')) return null;
        var end = rest.IndexOfAny(['.', '['], 1);
        var name = end < 0 ? rest[1..] : rest[1..end];
        return Fields(framework).Any(f => f.Name == name) ? name : null;
    }

    public List<ListRow> WithBlankRows(List<ListRow> rows)
    {
        var next = rows.Count;
        for (var i = 0; i < BlankRows; i++) rows.Add(new ListRow { Position = (++next).ToString(CultureInfo.InvariantCulture) });
        return rows;
    }
}

public sealed class ListEditor<T> : ListEditor where T : class, new()
{
    public required Func<FrameworkDefinition, List<T>> Items { get; init; }
    public required Func<FrameworkDefinition, string> PathOf { get; init; }
    public required Func<FrameworkDefinition, IReadOnlyList<ListField>> FieldsOf { get; init; }
    public required Func<T, FrameworkDefinition, Dictionary<string, string?>> ValuesOf { get; init; }
    public required Action<T, RowReader, FrameworkDefinition> Write { get; init; }

    public Func<T, string>? KeyOf { get; init; }
    public Action<T, string>? SetKey { get; init; }

    /// <summary>Keys a new item may not take; the keys of this list unless the scope is wider (offering items).</summary>
    public Func<FrameworkDefinition, IEnumerable<string>>? TakenKeys { get; init; }

    public Func<T, int>? SortKey { get; init; }

    public Func<FrameworkDefinition, int, string, string?>? MapField { get; init; }

    public override bool HasKeys => KeyOf is not null;
    public override bool HasPosition => SortKey is null;
    public override string Path(FrameworkDefinition framework) => PathOf(framework);
    public override IReadOnlyList<ListField> Fields(FrameworkDefinition framework) => FieldsOf(framework);

    public override string? FieldOf(FrameworkDefinition framework, int index, string rest) =>
        MapField?.Invoke(framework, index, rest) ?? base.FieldOf(framework, index, rest);

    public override List<ListRow> Read(FrameworkDefinition framework) =>
        Items(framework).Select((item, i) => new ListRow
        {
            Key = KeyOf?.Invoke(item),
            Position = (i + 1).ToString(CultureInfo.InvariantCulture),
            Values = ValuesOf(item, framework),
        }).ToList();

    public override Result<IReadOnlyList<int>> Apply(FrameworkDefinition framework, IReadOnlyList<ListRow> rows)
    {
        var list = Items(framework);
        var fields = Fields(framework);
        var existing = KeyOf is null
            ? new Dictionary<string, T>()
            : list.GroupBy(KeyOf).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        // Keys of removed items stay taken in this save, so a new item never silently inherits their answers.
        var taken = KeyOf is null
            ? new HashSet<string>()
            : new HashSet<string>((TakenKeys ?? (f => Items(f).Select(KeyOf)))(framework), StringComparer.Ordinal);

        var errors = new List<(int Row, string Field, string Message)>();
        var kept = new List<(T Item, int Row, int Position)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var isNew = string.IsNullOrEmpty(row.Key);
            if (row.Remove) continue;
            if (isNew && !fields.Any(f => f.CountsAsContent && !string.IsNullOrWhiteSpace(row.Values.GetValueOrDefault(f.Name)))) continue;

            T item;
            if (isNew)
            {
                item = new T();
            }
            else if (!existing.TryGetValue(row.Key!, out item!))
            {
                errors.Add((i, "", $"'{row.Key}' bestaat niet meer in het kader. Laad de pagina opnieuw."));
                continue;
            }

            var reader = new RowReader(row.Values);
            Write(item, reader, framework);
            errors.AddRange(reader.Errors.Select(e => (i, e.Field, e.Message)));
            if (isNew && SetKey is not null) SetKey(item, FrameworkKeys.NewKey(reader.Text(NameField), taken));

            var position = int.TryParse(row.Position, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var p) ? p : int.MaxValue;
            kept.Add((item, i, position));
        }

        var ordered = SortKey is null
            ? kept.OrderBy(k => k.Position).ThenBy(k => k.Row).ToList()
            : kept.OrderBy(k => SortKey(k.Item)).ThenBy(k => k.Row).ToList();
        list.Clear();
        list.AddRange(ordered.Select(k => k.Item));
        var result = errors.Count == 0 ? Result.Ok() : Result.Invalid(errors.Select(e => ErrorAt(framework, e.Row, e.Field, e.Message)));
        return result.With<IReadOnlyList<int>>(ordered.Select(k => k.Row).ToList());
    }
}
