using FluentValidation;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Scans;

namespace Zout.Basisondersteuning.Web.Features.Frameworks;

/// <summary>
/// Gives a school year without a framework (one made before frameworks existed) its first framework: a copy of the
/// latest earlier year's, or a template (<see cref="FrameworkStart"/>; no choice means the default template).
/// </summary>
public static class StartFramework
{
    public sealed class Input
    {
        public string? Framework { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator()
        {
            RuleFor(x => x.Framework).Must(FrameworkStart.IsKnown).WithMessage(FrameworkStart.UnknownChoice);
        }
    }

    /// <summary><paramref name="NothingToCopy"/>: a copy was asked and no earlier year has a framework; nothing is stored.</summary>
    public sealed record Result(EditStatus Status, string? NotEditableReason = null, string? Started = null, bool NothingToCopy = false);

    public sealed class Handler(AppDbContext db, TimeProvider time, ILogger<Handler> logger)
    {
        public async Task<Result> HandleAsync(string yearName, Input input, CancellationToken cancellationToken)
        {
            var target = await FrameworkEditing.LoadAsync(db, time, yearName, cancellationToken);
            if (target is null) return new Result(EditStatus.NotFound);
            if (target.NotEditableReason is { } reason) return new Result(EditStatus.NotEditable, reason);

            // No choice (an older form) keeps what this button always did: the default template.
            var choice = input.Framework ?? Domain.Scans.Templates.FrameworkTemplates.DefaultId;
            var copy = choice == FrameworkStart.Copy ? await FrameworkStart.LatestBeforeAsync(db, target.Year.StartYear, cancellationToken) : null;
            if (FrameworkStart.Json(choice, copy?.Json) is not { } json) return new Result(EditStatus.Invalid, NothingToCopy: true);

            // Version 0 is "no framework yet": when one exists this is a conflict, never an overwrite.
            var (status, _) = await FrameworkEditing.SaveAsync(db, target, expectedVersion: 0, FrameworkDefinition.FromJson(json), cancellationToken);
            var started = FrameworkStart.Describe(choice, choice == FrameworkStart.Copy ? copy?.YearName : null);
            if (status == EditStatus.Saved) logger.LogInformation("School year {Year} started with {Framework}", target.Year.Name, started);
            return new Result(status, target.NotEditableReason, started);
        }
    }
}
