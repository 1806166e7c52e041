package org.cdcpipeline.writer.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.iban4j.Iban4jException;
import org.iban4j.IbanUtil;

/** An IBAN in electronic form (no spaces) with the country's length and structure and valid check digits. */
@Documented
@Constraint(validatedBy = ValidIban.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidIban {

    String message() default "must be a valid IBAN without spaces, e.g. DE89370400440532013000";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidIban, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            try {
                IbanUtil.validate(value);
                return true;
            } catch (Iban4jException invalid) {
                return false;
            }
        }
    }
}
