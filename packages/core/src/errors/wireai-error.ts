/** Options accepted by every wireai error. */
export interface WireaiErrorOptions {
  /** The underlying error, kept for debugging; never shown in `message`. */
  cause?: unknown;
}

/** The brand symbol of a wireai error class, shared by every copy of the package: `Symbol.for('@wireai/core:<name>')`. */
export function errorBrand(name: string): symbol {
  return Symbol.for(`@wireai/core:${name}`);
}

/**
 * The base of every error wireai throws.
 *
 * `instanceof` fails when two copies of a package end up in one program (a duplicated install, a bundle
 * beside node_modules), so each error class carries a `Symbol.for` brand and a static `isInstance()` that
 * checks the brand instead. A subclass declares its own `brand` to be told apart from its parent.
 */
export class WireaiError extends Error {
  /** The brand every instance of this class (and its subclasses) carries. */
  static readonly brand: symbol = errorBrand('WireaiError');

  constructor(message: string, options?: WireaiErrorOptions) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    // Brand the instance with every class of its chain, so `Parent.isInstance(child)` holds too.
    for (let ctor: unknown = new.target; isErrorClass(ctor); ctor = Object.getPrototypeOf(ctor)) {
      if (!Object.hasOwn(this, ctor.brand)) {
        Object.defineProperty(this, ctor.brand, { value: true, enumerable: false });
      }
    }
  }

  /** `true` when `value` is an instance of this class, whichever copy of the package created it. */
  static isInstance<C extends abstract new (...args: never[]) => WireaiError>(
    this: C & { readonly brand: symbol },
    value: unknown,
  ): value is InstanceType<C> {
    // `this` is the class isInstance was called on: TransportError.isInstance checks TransportError's brand.
    // biome-ignore lint/complexity/noThisInStatic: polymorphic on purpose
    const brand = this.brand;
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brand] === true;
  }
}

function isErrorClass(value: unknown): value is { readonly brand: symbol } {
  return typeof value === 'function' && typeof (value as { brand?: unknown }).brand === 'symbol';
}
