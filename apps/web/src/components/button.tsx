import type { ButtonHTMLAttributes } from 'react';

const VARIANTS = {
  primary: 'bg-indigo-600 text-white hover:bg-indigo-500 disabled:bg-indigo-300',
  secondary: 'bg-surface text-fg ring-1 ring-line-strong hover:bg-surface-muted disabled:text-fg-subtle',
  danger: 'bg-red-600 text-white hover:bg-red-500 disabled:bg-red-300',
  ghost: 'text-fg-muted hover:bg-surface-strong disabled:text-fg-subtle',
} as const;

export type ButtonVariant = keyof typeof VARIANTS;

export function buttonClass(variant: ButtonVariant = 'primary', small = false): string {
  const size = small ? 'px-2.5 py-1 text-xs' : 'px-3.5 py-2 text-sm';
  return `inline-flex items-center justify-center gap-1.5 rounded-md font-medium shadow-xs disabled:cursor-not-allowed ${size} ${VARIANTS[variant]}`;
}

interface Props extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  small?: boolean;
}

export function Button({
  variant = 'primary',
  small = false,
  className = '',
  type = 'button',
  ...rest
}: Props) {
  return <button type={type} className={`${buttonClass(variant, small)} ${className}`} {...rest} />;
}
