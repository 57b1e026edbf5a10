using System.Globalization;
using FluentValidation;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Scans;

namespace Zout.Basisondersteuning.Web.Features.Frameworks;

/// <summary>Edits one list of the framework (domains, agreements, the items of an offering group, ...) as rows.</summary>
public static class EditList
{
    public sealed class Input
    {
        /// <summary>The framework version the form was loaded with: a save on an older version is refused.</summary>
        public int Version { get; set; }

        public List<ListRow> Rows { get; set; } = [];
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator()
        {
            RuleFor(x => x.Version).GreaterThan(0).WithMessage("De versie van het kader ontbreekt. Laad de pagina opnieuw.");
            RuleForEach(x => x.Rows).ChildRules(row =>
                row.RuleFor(r => r.Position)
                    .Must(p => string.IsNullOrWhiteSpace(p) || int.TryParse(p, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
                    .WithMessage("Vul bij de volgorde een heel getal in, zoals 3."));
        }
    }

    public sealed record Model(string YearName, int Version, ListEditor Editor, IReadOnlyList<ListField> Fields, IReadOnlyList<ListRow> Rows)
    {
        public string FormAction => $"/beheer/schooljaren/{YearName}/kader/{Editor.Slug}";
        public string OverviewUrl => $"/beheer/schooljaren/{YearName}/kader";
    }

    public sealed record Outcome(EditStatus Status, Model? Model = null, IReadOnlyList<(string Key, string Message)>? Errors = null, NotEditableModel? NotEditable = null);

    public sealed class Handler(AppDbContext db, TimeProvider time, ILogger<Handler> logger)
    {
        /// <summary>The editor with the current list and a few empty rows.</summary>
        public async Task<Outcome> GetAsync(string yearName, string list, string? group, CancellationToken cancellationToken)
        {
            var (outcome, target, editor) = await LoadAsync(yearName, list, group, cancellationToken);
            return outcome ?? new Outcome(EditStatus.Ready, Current(target!, editor!));
        }

        /// <summary>The editor again with the posted rows, after the form itself did not validate.</summary>
        public async Task<Outcome> WithInputAsync(string yearName, string list, string? group, Input input, CancellationToken cancellationToken)
        {
            var (outcome, target, editor) = await LoadAsync(yearName, list, group, cancellationToken);
            return outcome ?? new Outcome(EditStatus.Invalid, Posted(target!, editor!, input), []);
        }

        public async Task<Outcome> SaveAsync(string yearName, string list, string? group, Input input, CancellationToken cancellationToken)
        {
            var (outcome, target, editor) = await LoadAsync(yearName, list, group, cancellationToken);
            if (outcome is not null) return outcome;
            if (input.Version != target!.Version) return Conflict(target, editor!);

            var updated = target.Definition!.Clone();
            var applied = editor!.Apply(updated, input.Rows);
            var errors = applied.Errors.Select(e => ErrorFor(editor, updated, e.Row, e.Field, e.Message)).ToList();

            var (status, problems) = errors.Count > 0
                ? (EditStatus.Invalid, FrameworkRules.Check(updated))
                : await FrameworkEditing.SaveAsync(db, target, input.Version, updated, cancellationToken);
            switch (status)
            {
                case EditStatus.Saved:
                    logger.LogInformation("Framework of {Year}: {List} saved, now version {Version}", target.Year.Name, editor.Slug, target.Version);
                    return new Outcome(EditStatus.Saved, Posted(target, editor, input));
                case EditStatus.Conflict:
                    return Conflict(target, editor);
                case EditStatus.NotEditable:
                    return new Outcome(EditStatus.NotEditable, NotEditable: new NotEditableModel(target.Year.Name, target.NotEditableReason!));
            }

            // A field that could not be read keeps its old value; a rule problem about that value would only confuse.
            var unreadable = errors.Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
            errors.AddRange(problems.Select(p => ProblemToError(editor, updated, applied.RowOfItem, p)).Where(e => e.Key.Length == 0 || !unreadable.Contains(e.Key)));
            return new Outcome(EditStatus.Invalid, Posted(target, editor, input), errors);
        }

        private async Task<(Outcome? Outcome, EditableFramework? Target, ListEditor? Editor)> LoadAsync(
            string yearName, string list, string? group, CancellationToken cancellationToken)
        {
            var target = await FrameworkEditing.LoadAsync(db, time, yearName, cancellationToken);
            if (target is null) return (new Outcome(EditStatus.NotFound), null, null);
            if (target.Definition is null) return (new Outcome(EditStatus.NoFramework), target, null);
            var editor = group is null ? FrameworkLists.Find(list) : FrameworkLists.OfferingItems(target.Definition, group);
            if (editor is null) return (new Outcome(EditStatus.NotFound), target, null);
            if (target.NotEditableReason is { } reason) return (new Outcome(EditStatus.NotEditable, NotEditable: new NotEditableModel(target.Year.Name, reason)), target, editor);
            return (null, target, editor);
        }

        private static Model Current(EditableFramework target, ListEditor editor) =>
            new(target.Year.Name, target.Version, editor, editor.Fields(target.Definition!), editor.WithBlankRows(editor.Read(target.Definition!)));

        private static Model Posted(EditableFramework target, ListEditor editor, Input input) =>
            new(target.Year.Name, input.Version, editor, editor.Fields(target.Definition!), input.Rows);

        private static Outcome Conflict(EditableFramework target, ListEditor editor) =>
            new(EditStatus.Conflict, Current(target, editor), [("", FrameworkEditing.ConflictMessage)]);

        private static (string Key, string Message) ErrorFor(ListEditor editor, FrameworkDefinition framework, int row, string field, string message)
        {
            var label = editor.Fields(framework).FirstOrDefault(f => f.Name == field)?.Label;
            var where = label is null ? $"{editor.ItemLabel} {row + 1}" : $"{editor.ItemLabel} {row + 1}, {label}";
            return (field.Length == 0 ? $"Rows[{row}]" : $"Rows[{row}].Values[{field}]", $"{where}: {message}");
        }

        /// <summary>A rule problem next to the field it is about, or in the summary with its place when it is elsewhere.</summary>
        private static (string Key, string Message) ProblemToError(ListEditor editor, FrameworkDefinition updated, IReadOnlyList<int> rowOfItem, FrameworkProblem problem)
        {
            var path = editor.Path(updated) + "[";
            if (problem.Place.StartsWith(path, StringComparison.Ordinal))
            {
                var end = problem.Place.IndexOf(']', path.Length);
                if (end > 0 && int.TryParse(problem.Place.AsSpan(path.Length, end - path.Length), CultureInfo.InvariantCulture, out var index) && index < rowOfItem.Count)
                {
                    var field = editor.FieldOf(updated, index, problem.Place[(end + 1)..]) ?? "";
                    return ErrorFor(editor, updated, rowOfItem[index], field, problem.Problem);
                }
            }

            return ("", $"{problem.Place}: {problem.Problem}");
        }
    }
}
