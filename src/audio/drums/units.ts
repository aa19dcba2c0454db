/** Units for the drum kit's DSP. */
export type Seconds = number;
export type Hertz = number;
