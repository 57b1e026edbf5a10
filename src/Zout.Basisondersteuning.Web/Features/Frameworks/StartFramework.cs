using FluentValidation;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Infrastructure.Results;

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

    public sealed class Handler(AppDbContext db, TimeProvider time, ILogger<Handler> logger)
    {
        /// <summary>
        /// Started (the value says with what), not found, refused (the year's framework is fixed), invalid (a copy was asked and no
        /// earlier year has a framework) or a conflict (the year has a framework already). Nothing is stored unless started.
        /// </summary>
        public async Task<Result<string>> HandleAsync(string yearName, Input input, CancellationToken cancellationToken)
        {
            var target = await FrameworkEditing.LoadAsync(db, time, yearName, cancellationToken);
            if (target is null) return Result.NotFound().As<string>();
            if (target.NotEditableReason is { } reason) return Result.Refused(reason).As<string>();

            // No choice (an older form) keeps what this button always did: the default template.
            var choice = input.Framework ?? Domain.Scans.Templates.FrameworkTemplates.DefaultId;
            var copy = choice == FrameworkStart.Copy ? await FrameworkStart.LatestBeforeAsync(db, target.Year.StartYear, cancellationToken) : null;
            if (FrameworkStart.Json(choice, copy?.Json) is not { } json) return Result.Invalid(FrameworkStart.FieldName, FrameworkStart.NothingToCopy).As<string>();

            // Version 0 is "no framework yet": when one exists this is a conflict, never an overwrite.
            var stored = await FrameworkEditing.StoreAsync(db, target, expectedVersion: 0, FrameworkDefinition.FromJson(json), cancellationToken);
            if (stored.Status == ResultStatus.Conflict) return Result.Conflict("Dit schooljaar heeft al een kader.").As<string>();
            var started = FrameworkStart.Describe(choice, choice == FrameworkStart.Copy ? copy?.YearName : null);
            if (stored.Succeeded) logger.LogInformation("School year {Year} started with {Framework}", target.Year.Name, started);
            return stored.With(started);
        }
    }
}
