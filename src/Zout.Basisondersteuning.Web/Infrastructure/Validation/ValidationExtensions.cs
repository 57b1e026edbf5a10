using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Zout.Basisondersteuning.Web.Infrastructure.Validation;

public static class ValidationExtensions
{
    /// <summary>Copies FluentValidation's errors into ModelState so the form shows them next to each field.</summary>
    public static void AddTo(this ValidationResult result, ModelStateDictionary modelState, string prefix = "")
    {
        foreach (var error in result.Errors)
        {
            var key = string.IsNullOrEmpty(prefix) ? error.PropertyName : $"{prefix}.{error.PropertyName}";
            modelState.AddModelError(key, error.ErrorMessage);
        }
    }
}
