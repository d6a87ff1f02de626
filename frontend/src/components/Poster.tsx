import { useId, useMemo } from 'react';
import type { Movie } from '../api/types';
import { movieTitle } from '../format';
import { designPoster, POSTER_HEIGHT, POSTER_WIDTH, type Shape } from './posterDesign';

interface PosterProps {
  movie: Pick<Movie, 'id' | 'title' | 'year' | 'genres'>;
  /** Width in CSS; the poster keeps its 2:3 shape. */
  className?: string;
}

function renderShape(shape: Shape, index: number) {
  switch (shape.kind) {
    case 'circle':
      return (
        <circle
          key={index}
          cx={shape.cx}
          cy={shape.cy}
          r={shape.r}
          fill={shape.fill}
          opacity={shape.opacity}
          stroke={shape.stroke}
          strokeWidth={shape.strokeWidth}
        />
      );
    case 'path':
      return (
        <path
          key={index}
          d={shape.d}
          fill={shape.fill}
          opacity={shape.opacity}
          stroke={shape.stroke}
          strokeWidth={shape.strokeWidth}
          strokeLinecap="round"
        />
      );
    case 'rect':
      return (
        <rect
          key={index}
          x={shape.x}
          y={shape.y}
          width={shape.width}
          height={shape.height}
          fill={shape.fill}
          opacity={shape.opacity}
          transform={
            shape.rotate
              ? `rotate(${shape.rotate} ${shape.x + shape.width / 2} ${shape.y + shape.height / 2})`
              : undefined
          }
        />
      );
  }
}

export function Poster({ movie, className }: PosterProps) {
  const title = movieTitle(movie);
  const design = useMemo(
    () => designPoster({ title, year: movie.year, genres: movie.genres }),
    [title, movie.year, movie.genres],
  );
  const id = `poster${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const label = `Poster of ${title}${design.year ? ` (${design.year})` : ''}`;
  const lineHeight = design.fontSize * 1.08;
  const stops = design.colours;

  return (
    <svg
      className={className ? `poster ${className}` : 'poster'}
      viewBox={`0 0 ${POSTER_WIDTH} ${POSTER_HEIGHT}`}
      role="img"
      aria-label={label}
      preserveAspectRatio="xMidYMid slice"
      data-seed={design.seed}
      data-pattern={design.pattern}
    >
      <defs>
        <linearGradient id={`${id}-bg`} gradientTransform={`rotate(${design.angle} 0.5 0.5)`}>
          {stops.map((colour, i) => (
            <stop key={i} offset={stops.length === 1 ? 0 : i / (stops.length - 1)} stopColor={colour} />
          ))}
        </linearGradient>
        <linearGradient id={`${id}-scrim`} x1="0" y1="0" x2="0" y2="1">
          <stop offset="0" stopColor="#000" stopOpacity="0.55" />
          <stop offset="0.55" stopColor="#000" stopOpacity="0.05" />
          <stop offset="0.8" stopColor="#000" stopOpacity="0.1" />
          <stop offset="1" stopColor="#000" stopOpacity="0.6" />
        </linearGradient>
        <clipPath id={`${id}-clip`}>
          <rect width={POSTER_WIDTH} height={POSTER_HEIGHT} />
        </clipPath>
      </defs>
      <g clipPath={`url(#${id}-clip)`}>
        <rect width={POSTER_WIDTH} height={POSTER_HEIGHT} fill={`url(#${id}-bg)`} />
        <g>{design.shapes.map(renderShape)}</g>
        <rect width={POSTER_WIDTH} height={POSTER_HEIGHT} fill={`url(#${id}-scrim)`} />
        <rect x="10" y="10" width={POSTER_WIDTH - 20} height={POSTER_HEIGHT - 20} fill="none" stroke="#fff" strokeOpacity="0.35" strokeWidth="1.5" />
      </g>
      <g
        fill="#fff"
        stroke="rgba(0,0,0,0.45)"
        strokeWidth="3"
        paintOrder="stroke"
        fontFamily="system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
        aria-hidden="true"
      >
        <text fontSize={design.fontSize} fontWeight="800" letterSpacing="-0.5">
          {design.lines.map((line, i) => (
            <tspan key={i} x="16" y={22 + design.fontSize + i * lineHeight}>
              {line}
            </tspan>
          ))}
        </text>
        {design.year && (
          <text x="16" y={POSTER_HEIGHT - 22} fontSize="20" fontWeight="700" letterSpacing="1">
            {design.year}
          </text>
        )}
        {design.genreLabel && (
          <text
            x="16"
            y={POSTER_HEIGHT - (design.year ? 50 : 24)}
            fontSize="11"
            fontWeight="600"
            letterSpacing="0.5"
            strokeWidth="2"
          >
            {design.genreLabel.toUpperCase()}
          </text>
        )}
      </g>
    </svg>
  );
}
