using System.Globalization;
using FluentValidation;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Infrastructure.Results;

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

    public sealed class Handler(AppDbContext db, TimeProvider time, ILogger<Handler> logger)
    {
        /// <summary>The editor with the current list and a few empty rows; null when there is no such year or list.</summary>
        public async Task<EditorPage<Model>?> GetAsync(string yearName, string list, string? group, CancellationToken cancellationToken)
        {
            var (target, editor) = await LoadAsync(yearName, list, group, cancellationToken);
            return Page(target, editor, () => Current(target!, editor!));
        }

        /// <summary>The editor again with the posted rows, to show them with their messages.</summary>
        public async Task<EditorPage<Model>?> WithInputAsync(string yearName, string list, string? group, Input input, CancellationToken cancellationToken)
        {
            var (target, editor) = await LoadAsync(yearName, list, group, cancellationToken);
            return Page(target, editor, () => Posted(target!, editor!, input));
        }

        /// <summary>Saves the posted rows, with the framework version they were loaded with; messages are keyed by row and field.</summary>
        public async Task<Result> SaveAsync(string yearName, string list, string? group, Input input, CancellationToken cancellationToken)
        {
            var (target, editor) = await LoadAsync(yearName, list, group, cancellationToken);
            if (target?.Definition is null || editor is null) return Result.NotFound();
            if (target.NotEditableReason is { } reason) return Result.Refused(reason);
            if (input.Version != target.Version) return Result.Conflict(FrameworkEditing.ConflictMessage);

            var updated = target.Definition.Clone();
            var applied = editor.Apply(updated, input.Rows);
            var errors = applied.Errors.ToList();

            var result = errors.Count > 0
                ? Result.Invalid(FrameworkRules.Check(updated).Select(p => new FieldError(p.Place, p.Problem)))
                : await FrameworkEditing.StoreAsync(db, target, input.Version, updated, cancellationToken);
            if (result.Succeeded) logger.LogInformation("Framework of {Year}: {List} saved, now version {Version}", target.Year.Name, editor.Slug, result.Version);
            if (result.Status != ResultStatus.Invalid) return result;

            // A field that could not be read keeps its old value; a rule problem about that value would only confuse.
            var unreadable = errors.Select(e => e.Field).ToHashSet(StringComparer.Ordinal);
            errors.AddRange(result.Errors.Select(p => ProblemToError(editor, updated, applied.Value!, p))
                .Where(e => e.Field.Length == 0 || !unreadable.Contains(e.Field)));
            return Result.Invalid(errors);
        }

        private async Task<(EditableFramework? Target, ListEditor? Editor)> LoadAsync(string yearName, string list, string? group, CancellationToken cancellationToken)
        {
            var target = await FrameworkEditing.LoadAsync(db, time, yearName, cancellationToken);
            if (target?.Definition is null) return (target, null);
            return (target, group is null ? FrameworkLists.Find(list) : FrameworkLists.OfferingItems(target.Definition, group));
        }

        /// <summary>No page without a year, nor for a list the framework does not have; no form without a framework.</summary>
        private static EditorPage<Model>? Page(EditableFramework? target, ListEditor? editor, Func<Model> form) =>
            target is null ? null
            : target.Definition is null ? EditorPage.Of<Model>(target, null)
            : editor is null ? null
            : EditorPage.Of<Model>(target, form());

        private static Model Current(EditableFramework target, ListEditor editor) =>
            new(target.Year.Name, target.Version, editor, editor.Fields(target.Definition!), editor.WithBlankRows(editor.Read(target.Definition!)));

        private static Model Posted(EditableFramework target, ListEditor editor, Input input) =>
            new(target.Year.Name, input.Version, editor, editor.Fields(target.Definition!), input.Rows);

        /// <summary>A rule problem next to the field it is about, or in the summary with its place when it is elsewhere.</summary>
        private static FieldError ProblemToError(ListEditor editor, FrameworkDefinition updated, IReadOnlyList<int> rowOfItem, FieldError problem)
        {
            var path = editor.Path(updated) + "[";
            if (problem.Field.StartsWith(path, StringComparison.Ordinal))
            {
                var end = problem.Field.IndexOf(']', path.Length);
                if (end > 0 && int.TryParse(problem.Field.AsSpan(path.Length, end - path.Length), CultureInfo.InvariantCulture, out var index) && index < rowOfItem.Count)
                {
                    var field = editor.FieldOf(updated, index, problem.Field[(end + 1)..]) ?? "";
                    return editor.ErrorAt(updated, rowOfItem[index], field, problem.Message);
                }
            }

            return new FieldError(FieldError.Form, $"{problem.Field}: {problem.Message}");
        }
    }
}
