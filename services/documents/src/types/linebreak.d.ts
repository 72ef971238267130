/** The part of linebreak (pdfkit's Unicode line breaker, no published types) the letters adjust. */
declare module 'linebreak' {
  class LineBreaker {
    constructor(text: string);
    string: string;
    nextBreak(): { position: number; required: boolean } | null;
  }
  export = LineBreaker;
}
